// The cells of a CSV export's line, described so that an engine can write whole lines in SQL
// (RowEncoding.csvLines): SQLite then hands over the bytes of a range of rows at once, and no row
// becomes JavaScript values. Only what SQL writes exactly as the row encoder does is described;
// an engine answers "cannot" for a range holding a value outside that (a double without a
// short exact form, a list with escapes), and the range is encoded row by row instead.

import type { StoredValue } from './stored-values.ts';

/**
 * One cell of the line: a text as it is, quoted when it holds the delimiter, `"`, CR or LF; a
 * list's values joined with the list separator; a number as String() writes it; a boolean as
 * `true` or `false`; a point as `lat, lon`; nothing for NULL.
 */
export type CsvLineCell = StoredValue;

export interface CsvLines {
  /** One character: `;`, `,`, tab or `|`. */
  delimiter: string;
  /** Between a list's values; never holds the delimiter, `"`, CR or LF. */
  listSeparator: string;
  cells: CsvLineCell[];
}

/** Delimiters whose lines an engine may write: none of them is part of a number or a date. */
export const CSV_LINE_DELIMITERS: readonly string[] = [';', ',', '\t', '|'];
