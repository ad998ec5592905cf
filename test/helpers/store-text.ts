// Every cell of every table of a test portal's store, as text: what a test searches for data the
// store must never hold (addresses, user agents, full URLs).

import Database from 'better-sqlite3';

import { sqlitePath } from '../../src/app.ts';
import { adminQuery } from '../storage/postgres/postgres-fixture.ts';
import type { TestPortal } from './test-portal.ts';

export async function storeText(portal: TestPortal): Promise<{ tables: string[]; text: string }> {
  if (portal.schema !== null) return postgresText(portal.schema);
  const db = new Database(sqlitePath(portal.config), { readonly: true });
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]
    ).filter((name) => !name.startsWith('sqlite_'));
    const parts: string[] = [];
    for (const table of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .all();
      parts.push(JSON.stringify(rows));
    }
    return { tables, text: parts.join('\n') };
  } finally {
    db.close();
  }
}

async function postgresText(schema: string): Promise<{ tables: string[]; text: string }> {
  const { rows } = await adminQuery<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`,
    [schema],
  );
  const tables = rows.map((row) => row.name);
  const parts: string[] = [];
  for (const table of tables) {
    const result = await adminQuery(`SELECT * FROM "${schema}"."${table.replaceAll('"', '""')}"`);
    parts.push(JSON.stringify(result.rows));
  }
  return { tables, text: parts.join('\n') };
}
