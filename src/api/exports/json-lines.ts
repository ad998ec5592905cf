// Which JSON exports an engine may write record by record in SQL (RowEncoding.jsonLines): records
// written member by member (memberNames), every column a stored field of a type SQL writes as the
// row encoder does (datetimes in the export's zone). Other exports, and the ranges an engine cannot write
// (core/json-lines.ts), are encoded row by row.

import type { JsonLineValue, JsonLines } from '../../core/json-lines.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { memberNames } from './json-row.ts';

function lineValue(column: OutputColumn, timezone: string): JsonLineValue | null {
  if (column.field !== true) return null;
  const [position = 0, second = 1] = column.positions;
  if (column.multivalued) return column.type === 'text' ? { kind: 'list', position } : null;
  switch (column.type) {
    case 'text':
    case 'date':
      return { kind: 'text', position, column: column.key };
    case 'int':
    case 'double':
      return { kind: 'number', position };
    case 'boolean':
      return { kind: 'boolean', position };
    case 'datetime':
      return { kind: 'instant', position, zone: timezone };
    case 'geo_point_2d':
      return { kind: 'point', lat: position, lon: second };
    default:
      return null;
  }
}

/** The records of an export as SQL may write them, or undefined when it may not. */
export function jsonLinesOf(
  columns: readonly OutputColumn[],
  timezone: string,
): JsonLines | undefined {
  const names = memberNames(columns);
  if (!names || columns.length === 0) return undefined;
  const members: JsonLines['members'] = [];
  for (let i = 0; i < columns.length; i++) {
    const value = lineValue(columns[i]!, timezone);
    if (!value) return undefined;
    members.push({ name: names[i]!, value });
  }
  return { members };
}
