// Keeps the connection's prepared statements. better-sqlite3 compiles a statement at each
// prepare() call (a few tens of microseconds), and the metadata store prepares its statements
// where it runs them: on the path of every API request, reading a dataset and its version cost
// more in compiling than in running. The statements are few and their text fixed, so each is
// compiled once; the least recently used go past a bound (statements naming a version's table
// come and go with the versions).

import type Database from 'better-sqlite3';

/** Statements kept per connection; the store's own are about two hundred. */
export const KEPT_STATEMENTS = 512;

/**
 * Makes `db.prepare` give back the statement compiled before for the same text, in its default
 * mode: a caller that turned on `pluck()` or `raw()` leaves nothing behind for the next one.
 */
export function keepStatements(db: Database.Database, limit = KEPT_STATEMENTS): void {
  const compile = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = kept.get(sql);
    if (statement === undefined) {
      statement = compile(sql);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    } else {
      kept.delete(sql);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    }
    kept.set(sql, statement);
    return statement;
  };
  db.prepare = prepare as typeof db.prepare;
}
