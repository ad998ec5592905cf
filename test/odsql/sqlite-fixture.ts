// An in-memory SQLite table laid out like a dataset version (src/core/columns.ts), with its FTS5
// index and the ODSQL SQLite functions registered, for running compiled queries for real.

import Database from 'better-sqlite3';
import { columnsOf, ftsTableName } from '../../src/core/columns.ts';
import { SQLITE_FUNCTIONS } from '../../src/odsql/compile/sqlite-functions.ts';
import { FIELDS, ROWS, TABLE } from './fixture.ts';

export { FIELDS, TABLE };

export function openFixture(): Database.Database {
  const db = new Database(':memory:');
  for (const fn of SQLITE_FUNCTIONS) {
    db.function(
      fn.name,
      { deterministic: fn.deterministic, varargs: fn.varargs ?? false },
      fn.fn as (...a: unknown[]) => unknown,
    );
  }
  const cols = FIELDS.flatMap(columnsOf).map((c) => `"${c.name}"`);
  db.exec(`CREATE TABLE "${TABLE}" ("_rowid" INTEGER PRIMARY KEY, "_id" TEXT, ${cols.join(', ')})`);
  const texts = FIELDS.filter((x) => x.type === 'text').map((x) => `"${x.name}"`);
  const fts = ftsTableName(TABLE);
  db.exec(
    `CREATE VIRTUAL TABLE "${fts}" USING fts5(${texts.join(', ')}, content="${TABLE}", content_rowid="_rowid", tokenize="unicode61 remove_diacritics 2")`,
  );
  const insert = db.prepare(
    `INSERT INTO "${TABLE}" VALUES (?, ?, ${cols.map(() => '?').join(', ')})`,
  );
  ROWS.forEach((r, i) => {
    insert.run(
      i + 1,
      `id${i + 1}`,
      r[0],
      r[1],
      r[2] === null ? null : JSON.stringify(r[2]),
      r[3],
      r[4],
      r[5] === null ? null : r[5] ? 1 : 0,
      r[6],
      r[7] === null ? null : Date.parse(r[7]),
      r[8]?.[0] ?? null,
      r[8]?.[1] ?? null,
    );
  });
  db.exec(`INSERT INTO "${fts}"("${fts}") VALUES ('rebuild')`);
  return db;
}
