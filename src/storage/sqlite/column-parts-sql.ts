// The SELECT that reads a range by columns in SQLite (RowEncoding.columnParts): one row holding
// the range's row count, the bytes of all its texts and lists, and the entries saying where each
// value is (core/column-parts.ts), each gathered by one group_concat in the rows' order. Two
// aggregates for the whole range: one per column cost twice as much. A number SQL cannot write
// exactly is written as a NUL (line-values-sql.ts): the reader then encodes the range row by
// row.

import type { ColumnPartValues } from '../../core/column-parts.ts';
import type { StoredValue } from '../../core/stored-values.ts';
import { REFUSED, booleanText, concatSql, lineColumn, numberText } from './line-values-sql.ts';

/** A value's entry (an SQL text, never NULL); numbers of `plain` columns are not checked. */
function entry(value: StoredValue, plain: ReadonlySet<string>): string {
  switch (value.kind) {
    case 'text':
    case 'list':
      return `ifnull(octet_length(${lineColumn(value.position)}), '')`;
    case 'number':
      return numberText(lineColumn(value.position), "''", plain.has(value.column));
    case 'instant':
      return numberText(lineColumn(value.position), "''");
    case 'boolean':
      return booleanText(lineColumn(value.position), "''", "'1'", "'0'");
    case 'point': {
      const lat = lineColumn(value.lat);
      const lon = lineColumn(value.lon);
      const unchecked = plain.has(value.column);
      const [latText, lonText] = [
        numberText(lat, REFUSED, unchecked),
        numberText(lon, REFUSED, unchecked),
      ];
      const pair = `concat(${latText}, ' ', ${lonText})`;
      return `iif(${lat} IS NULL OR ${lon} IS NULL, '', ${pair})`;
    }
  }
}

/**
 * `sql`, whose rows have `width` columns, as one row: its row count, the blob of its texts and
 * lists, and its entries (ColumnParts). The query is wrapped as rangeLinesSql wraps it, so that
 * group_concat takes the rows in the query's order. Numbers of `plainColumns` are not checked.
 */
export function columnPartsSql(
  sql: string,
  width: number,
  values: ColumnPartValues,
  plainColumns: ReadonlySet<string> = new Set(),
): string {
  const names = Array.from({ length: width }, (_, i) => `"c${i}"`);
  const texts = values.flatMap((value) =>
    value.kind === 'text' || value.kind === 'list' ? [lineColumn(value.position)] : [],
  );
  // concat() writes NULL as nothing: the entries say which values are there.
  const bytes = texts.length === 0 ? 'NULL' : `CAST(group_concat(${concatSql(texts)}, '') AS BLOB)`;
  const entries = `group_concat(${concatSql(
    values.map((value) => entry(value, plainColumns)),
    "','",
  )}, ',')`;
  return (
    `WITH "line_rows"(${names.join(', ')}) AS (${sql}) ` +
    `SELECT count(*), ${bytes}, ${entries} FROM "line_rows"`
  );
}
