// One text naming a SQL statement and its bound values, for keying what a statement returned:
// two statements get the same key only when their text and every value (type included) agree.

function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // JSON writes NaN and ±Infinity as null and -0 as 0: keep them apart.
      if (!Number.isFinite(value) || Object.is(value, -0)) return `#${String(value)}`;
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
      if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
      if (value instanceof Date) return `@${value.toISOString()}`;
      return `{${JSON.stringify(value)}}`;
  }
}

/** The statement's text, then its values in order, each written so that its type shows. */
export function statementKey(statement: { sql: string; params: readonly unknown[] }): string {
  return `${statement.sql}\u0001${statement.params.map(valueKey).join(',')}`;
}
