// The text columns of a version whose values are all plain (core/plain-text.ts; RowEncoder's
// plainTextColumns at the end of the load), kept in the version's summary table as a JSON array
// of column names: an export writing lines in SQL writes them without looking at them
// (csv-lines-sql.ts, json-lines-sql.ts). A version loaded before they were kept has no such row:
// every text column is then looked at.

import type Database from 'better-sqlite3';

import { summaryTableName } from '../../core/columns.ts';
import { quoteName } from './quote.ts';

/** The summary row's key: no statement's key (util/statement-key.ts) looks like it. */
export const PLAIN_TEXT_COLUMNS_KEY = 'plain-text-columns';

/** Keeps the plain text columns of `table` (inside the commit's transaction). */
export function keepPlainTextColumns(db: Database.Database, table: string, names: string[]): void {
  db.prepare(`INSERT INTO ${quoteName(summaryTableName(table))} (key, rows) VALUES (?, ?)`).run(
    PLAIN_TEXT_COLUMNS_KEY,
    JSON.stringify(names),
  );
}

/** The statement reading them back: one row, the JSON array (none when not kept). */
export function plainTextColumnsSql(table: string): string {
  return `SELECT rows FROM ${quoteName(summaryTableName(table))} WHERE key = '${PLAIN_TEXT_COLUMNS_KEY}'`;
}

/** The names from that row's text; none when it is missing or not an array of names. */
export function plainTextColumnNames(text: unknown): Set<string> {
  if (typeof text !== 'string') return new Set();
  try {
    const names: unknown = JSON.parse(text);
    return new Set(Array.isArray(names) ? names.filter((n) => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}
