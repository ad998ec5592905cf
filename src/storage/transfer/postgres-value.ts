// A raw value of a SQLite metadata column, as the PostgreSQL column of the same name takes it.
// SQLite keeps booleans as 0/1, JSON and arrays as JSON text, times as ISO text or epoch
// milliseconds; `udt` is the target column's type name (information_schema's `udt_name`).

export function toPostgresValue(value: unknown, udt: string): unknown {
  if (value === null || value === undefined) return null;
  switch (udt) {
    case 'bool':
      return value === 1 || value === 1n || value === true || value === '1' || value === 'true';
    case 'timestamptz':
    case 'timestamp':
      return typeof value === 'number' ? new Date(value).toISOString() : value;
    case 'date':
      return typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : value;
    case 'json':
    case 'jsonb':
      // A string is already JSON text; pg would turn a JavaScript array into an SQL array.
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'text':
    case 'varchar':
      return typeof value === 'string' ? value : String(value);
    default:
      // SQL arrays (`_text`, `_int8`…) arrive as JSON text.
      if (udt.startsWith('_') && typeof value === 'string') return JSON.parse(value) as unknown;
      return value;
  }
}
