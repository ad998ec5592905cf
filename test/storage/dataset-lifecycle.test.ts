// The dataset lifecycle on SQLite (the cases are shared with PostgreSQL).

import { after, before, test } from 'node:test';

import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { defineLifecycleCases } from './dataset-lifecycle-cases.ts';

let temp: TempSqliteEngine;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 1 });
});
after(() => temp.cleanup());

defineLifecycleCases({
  test: (name, fn) => test(name, fn),
  engine: () => temp.engine,
  async tableExists(table) {
    const rows = await temp.engine.query({
      sql: `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`,
      params: [table],
    });
    return rows.length > 0;
  },
});
