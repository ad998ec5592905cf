// The fields of a version whose stored values are all plain (texts and dates: core/plain-text.ts;
// numbers and points: core/plain-number.ts; RowEncoder's plainColumns at the end of the load),
// kept in the version's summary table as a JSON array of names: an export written in SQL writes
// them without looking at them (csv-lines-sql.ts, json-lines-sql.ts, column-parts-sql.ts). A
// version loaded before they were kept has no such row: every value is then looked at; one loaded
// before numbers were noted names text fields alone: its numbers are looked at.

import type Database from 'better-sqlite3';

import { summaryTableName } from '../../core/columns.ts';
import { quoteName } from './quote.ts';

/**
 * The summary row's key: no statement's key (util/statement-key.ts) looks like it. Its name is
 * from when it listed text fields alone, kept so that the versions loaded then keep theirs.
 */
export const PLAIN_COLUMNS_KEY = 'plain-text-columns';

/** Keeps the plain fields of `table` (inside the commit's transaction). */
export function keepPlainColumns(db: Database.Database, table: string, names: string[]): void {
  db.prepare(`INSERT INTO ${quoteName(summaryTableName(table))} (key, rows) VALUES (?, ?)`).run(
    PLAIN_COLUMNS_KEY,
    JSON.stringify(names),
  );
}

/** The statement reading them back: one row, the JSON array (none when not kept). */
export function plainColumnsSql(table: string): string {
  return `SELECT rows FROM ${quoteName(summaryTableName(table))} WHERE key = '${PLAIN_COLUMNS_KEY}'`;
}

/** The names from that row's text; none when it is missing or not an array of names. */
export function plainColumnNames(text: unknown): Set<string> {
  if (typeof text !== 'string') return new Set();
  try {
    const names: unknown = JSON.parse(text);
    return new Set(Array.isArray(names) ? names.filter((n) => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}
