// The cells of a CSV export's line, described so that an engine can write whole lines in SQL
// (RowEncoding.csvLines): SQLite then hands over the bytes of a range of rows at once, and no row
// becomes JavaScript values. Only what SQL writes exactly as the row encoder does is described;
// an engine answers "cannot" for a range holding a value outside that (a double without a
// short exact form, a list with escapes), and the range is encoded row by row instead.

/** One cell of the line, by how it is stored and written. */
export type CsvLineCell =
  /** Stored text, written as it is, quoted when it holds the delimiter, `"`, CR or LF. */
  | { kind: 'text'; position: number; column: string }
  /** A stored list (a JSON array of strings), its values joined with the list separator. */
  | { kind: 'list'; position: number; column: string }
  /** An integer or a double, written as JavaScript's String() writes it. */
  | { kind: 'number'; position: number }
  /** 0 or 1: `false` or `true`. */
  | { kind: 'boolean'; position: number }
  /**
   * Milliseconds since 1970, written in `zone` as formatInstant writes them
   * (`2024-01-31T10:00:00+01:00`, `.250` when set).
   */
  | { kind: 'instant'; position: number; zone: string }
  /** A point from its two stored numbers: `lat, lon`. */
  | { kind: 'point'; lat: number; lon: number };

export interface CsvLines {
  /** One character: `;`, `,`, tab or `|`. */
  delimiter: string;
  /** Between a list's values; never holds the delimiter, `"`, CR or LF. */
  listSeparator: string;
  cells: CsvLineCell[];
}

/** Delimiters whose lines an engine may write: none of them is part of a number or a date. */
export const CSV_LINE_DELIMITERS: readonly string[] = [';', ',', '\t', '|'];
