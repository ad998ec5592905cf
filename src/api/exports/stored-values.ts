// The stored value an engine writes in SQL for an export's column (core/stored-values.ts), for the
// CSV and JSON exports whose lines SQL may write: a stored field as it is (not an expression),
// of a type whose values SQL writes as the row encoders do; null for any other column.

import type { StoredValue } from '../../core/stored-values.ts';
import type { OutputColumn } from '../../odsql/index.ts';

export function storedValueOf(column: OutputColumn, timezone: string): StoredValue | null {
  if (column.field !== true) return null;
  const [position = 0, second = 1] = column.positions;
  if (column.multivalued) {
    return column.type === 'text' ? { kind: 'list', position, column: column.key } : null;
  }
  switch (column.type) {
    case 'text':
    case 'date':
      return { kind: 'text', position, column: column.key };
    case 'int':
    case 'double':
      return { kind: 'number', position, column: column.key };
    case 'boolean':
      return { kind: 'boolean', position };
    case 'datetime':
      return { kind: 'instant', position, zone: timezone };
    case 'geo_point_2d':
      return { kind: 'point', lat: position, lon: second, column: column.key };
    default:
      return null;
  }
}
