// Runs of neighbouring plain text columns that SQLite joins into one value before a row reaches
// JavaScript (RowEncoding.joined): one string per run instead of one per column, and one check
// per run instead of one per cell. Shared by the storage, which writes the joined SELECT, and
// the encoder, which reads the joined rows: both place the result columns the same way. The CSV
// export joins the cells' text with its delimiter; the JSON exports join the values' JSON text
// with their keys.

/** Result positions (of the plain query) joined into one value, and the text between them. */
export interface JoinedRuns {
  /** Each run: two or more consecutive result positions, in order; runs do not overlap. */
  runs: number[][];
  /** Written between the values of a run (the CSV delimiter). */
  separator: string;
  /**
   * JSON runs: each value as its JSON text (a string literal or `null`, by SQLite's json_quote,
   * whose escaping is JSON.stringify's), and between values i and i + 1 of run r the text
   * `between[r][i]` (`,"key":`) instead of `separator`. A run holding a value that is not text
   * (a blob) comes as NULL: its row is read unjoined.
   */
  json?: { between: string[][] };
}

/** Where the value of plain result position `position` is in a joined row (a run: its start). */
export function joinedPosition(runs: readonly (readonly number[])[], position: number): number {
  let dropped = 0;
  for (const run of runs) {
    const start = run[0]!;
    if (position <= start) break;
    const end = run[run.length - 1]!;
    // Inside a run: its value is the run's, at the run's start.
    if (position <= end) return start - dropped;
    dropped += run.length - 1;
  }
  return position - dropped;
}
