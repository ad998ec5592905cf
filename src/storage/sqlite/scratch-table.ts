// A scratch table in a private in-memory database: the same layout and full-text index as a
// dataset version's table, so compiled ODSQL runs on it unchanged. Meant for small tables (the
// catalog's metadata), so it runs on the calling thread.

import Database from 'better-sqlite3';

import type { SqlQuery, ScratchTable } from '../engine.ts';
import { bindable } from './bindable.ts';
import { createFtsSql, createTableSql, ftsInsertSql, insertSql } from './record-table.ts';
import { registerSqliteFunctions } from './register-functions.ts';
import { createRowEncoder } from './row-encoder.ts';

export function queryScratchTable(table: ScratchTable, queries: SqlQuery[]): unknown[][][] {
  const db = new Database(':memory:');
  try {
    registerSqliteFunctions(db);
    db.exec(createTableSql(table.name, table.fields));
    const fts = createFtsSql(table.name, table.fields);
    if (fts !== null) db.exec(fts);
    const encoder = createRowEncoder(table.fields);
    const insert = db.prepare(insertSql(table.name, table.fields, 1));
    const values: (string | number | bigint | null)[] = new Array(encoder.width);
    db.transaction(() => {
      for (const row of table.rows) {
        encoder.encode(row, values, 0);
        insert.run(...values);
      }
      const index = ftsInsertSql(table.name, table.fields);
      if (index !== null) db.prepare(index).run(0, table.rows.length);
    })();
    return queries.map(
      (query) =>
        db
          .prepare(query.sql)
          .raw(true)
          .all(...bindable(query.params)) as unknown[][],
    );
  } finally {
    db.close();
  }
}
