// A range's columns as an engine may give them, at once, to an encoder that writes by columns
// (Parquet): SQL gathers the range into one blob of texts and one text of entries, and no row
// becomes JavaScript values (RowEncoding.columnParts). What a column's entries hold depends on
// how its values are stored (stored-values.ts).

import type { StoredValue } from './stored-values.ts';

/** The stored value of each output column, in order, for an engine to read by columns. */
export type ColumnPartValues = StoredValue[];

export interface ColumnParts {
  rows: number;
  /**
   * The UTF-8 bytes of every text and stored list (a list as stored: a JSON array) that is not
   * NULL, row after row and, within a row, column after column. NULL without any.
   */
  bytes: Uint8Array | null;
  /**
   * A comma-separated entry per row and column, in the same order, empty for NULL: a text's or a
   * list's length in bytes, a number as String() writes it, a boolean as 1 or 0, an instant as
   * its milliseconds, a point as `lat lon`. NULL for a range without rows.
   */
  entries: string | null;
}
