// The SELECT that reads a query's rows with runs of its text columns joined (RowEncoding.joined):
// SQLite's concat() makes one value of each run, so the reader makes one JavaScript string per
// run instead of one per column (most of the cost of reading a row). The query is wrapped, not
// rewritten: a common table expression names its result columns, and SQLite flattens it into
// the same scan. JSON runs hold each value's JSON text after its key (json_quote escapes text
// as JSON.stringify does, checked on every code point by the tests).

import type { JoinedRuns } from '../../core/joined-runs.ts';
import { quoteText } from './quote.ts';

/**
 * A JSON run: each value's JSON text, `between` texts in between; NULL (the row read again
 * unjoined) when one of its values is a blob, which JSON.stringify writes as a Buffer object and
 * json_quote reads as JSONB or refuses. `c >= x''` is true of blobs only (text sorts before
 * them) and costs a comparison: about 0.7 µs per row for 13 columns, against 1.4 for typeof().
 */
function jsonRun(run: readonly number[], between: readonly string[]): string {
  const blob = run.map((p) => `"c${p}" >= x''`).join(' OR ');
  const values = run.map((p) => `json_quote("c${p}")`);
  const text = values.map((v, i) => (i === 0 ? v : `${quoteText(between[i - 1]!)} || ${v}`));
  return `iif(${blob}, NULL, ${text.join(' || ')})`;
}

/** `sql`, whose rows have `width` columns, with each run of `joined` as one column (concat). */
export function joinedSql(sql: string, width: number, joined: JoinedRuns): string {
  const names = Array.from({ length: width }, (_, i) => `"c${i}"`);
  const starts = new Map(joined.runs.map((run) => [run[0]!, run]));
  const inside = new Set(joined.runs.flatMap((run) => run.slice(1)));
  const between = `, ${quoteText(joined.separator)}, `;
  const list: string[] = [];
  for (let i = 0; i < width; i++) {
    if (inside.has(i)) continue;
    const run = starts.get(i);
    if (!run) list.push(names[i]!);
    else if (joined.json) list.push(jsonRun(run, joined.json.between[joined.runs.indexOf(run)]!));
    // concat() reads NULL as '': the empty cell the encoder writes for it.
    else list.push(`concat(${run.map((p) => names[p]).join(between)})`);
  }
  return `WITH "joined_rows"(${names.join(', ')}) AS (${sql}) SELECT ${list.join(', ')} FROM "joined_rows"`;
}
