// Runs of neighbouring output columns that are stored text fields, written as stored: the result
// positions SQLite may join into one value (RowEncoding.joined), for the CSV and JSON exports.

import type { OutputColumn } from '../../odsql/index.ts';

/** Runs of two or more neighbouring columns that are stored text fields, by result position. */
export function plainTextRuns(columns: readonly OutputColumn[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const column of columns) {
    const plain =
      column.field === true &&
      column.type === 'text' &&
      !column.multivalued &&
      column.positions.length === 1;
    const position = column.positions[0]!;
    if (plain && run.length > 0 && position === run[run.length - 1]! + 1) {
      run.push(position);
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = plain ? [position] : [];
  }
  if (run.length > 1) runs.push(run);
  return runs;
}
