// A range read by columns (RowEncoding.columnParts) on a reader thread: columnPartsSql's one
// row as ColumnParts for the encoder, or null when SQL could not write a number exactly (a NUL
// in the entries), refused the statement (too long), or the encoder refused the parts. A query
// refused on too many of its ranges is no longer tried (line-refusals.ts), as for the lines of
// CSV and JSON exports.

import type Database from 'better-sqlite3';

import type { ColumnPartValues, ColumnParts } from '../../core/column-parts.ts';
import { columnPartsSql } from './column-parts-sql.ts';
import { REFUSED_BYTE } from './line-values-sql.ts';
import { LineRefusals } from './line-refusals.ts';

const refusals = new LineRefusals();
const REFUSED_CHAR = String.fromCharCode(REFUSED_BYTE);

export interface PartsQuery {
  sql: string;
  params: unknown[];
  values: ColumnPartValues;
  /** The fields whose numbers the load found plain (written unchecked). */
  plainColumns: ReadonlySet<string>;
}

/**
 * The range of `query` read by columns and handed to `encode`; null when SQL could not read it
 * exactly, or `encode` refused it (both count as the query's refusals).
 */
export function readColumnParts<T>(
  prepare: (sql: string) => Database.Statement,
  query: PartsQuery,
  encode: (parts: ColumnParts) => T | null,
): T | null {
  if (!refusals.worthTrying(query.sql)) return null;
  const width = prepare(query.sql).columns().length;
  let statement: Database.Statement;
  try {
    statement = prepare(columnPartsSql(query.sql, width, query.values, query.plainColumns));
  } catch {
    refusals.giveUp(query.sql);
    return null;
  }
  const [rows, bytes, entries] = statement.get(...query.params) as [
    number,
    Uint8Array | null,
    string | null,
  ];
  const exact = entries?.includes(REFUSED_CHAR) !== true;
  const encoded = exact ? encode({ rows, bytes, entries }) : null;
  refusals.record(query.sql, encoded === null);
  return encoded;
}
