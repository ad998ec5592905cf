// Record tables as the metadata repositories see them: whether one exists, and dropping one.

import type Database from 'better-sqlite3';

import type { RecordTables } from '../metadata/record-tables.ts';
import { dropTableSqls } from './record-table.ts';

export function sqliteRecordTables(db: Database.Database): RecordTables {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`);
  return {
    exists: (table) => exists.get(table) !== undefined,
    drop: (table) => {
      for (const sql of dropTableSqls(table)) db.exec(sql);
    },
  };
}
