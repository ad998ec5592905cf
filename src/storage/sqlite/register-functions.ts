// Gives a connection the scalar functions compiled ODSQL calls (odsql/compile/sqlite-functions).

import type Database from 'better-sqlite3';

import { SQLITE_FUNCTIONS } from '../../odsql/compile/sqlite-functions.ts';

export function registerSqliteFunctions(db: Database.Database): void {
  for (const f of SQLITE_FUNCTIONS) {
    db.function(
      f.name,
      { deterministic: f.deterministic, varargs: f.varargs ?? false },
      f.fn as (...args: unknown[]) => unknown,
    );
  }
}
