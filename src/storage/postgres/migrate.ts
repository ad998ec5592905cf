// Brings the engine's schema up to date. Each migration runs in its own transaction under a
// transaction-level advisory lock, so processes that start together apply each one exactly once.
// A store migrated by newer code than this one refuses to open. Any migration not yet applied
// runs, whatever its number.

import type pg from 'pg';

import { PortalError } from '../../core/errors.ts';
import type { Migration } from './migrations.ts';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations.ts';
import { qualified, quoteIdent } from './quote.ts';

/** The advisory lock that serialises migrations of one schema. */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('datagora:migrate:' || $1::text))`;

export async function migrate(client: pg.ClientBase, schema: string): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const step = await migrateOnce(client, schema);
    if (step === null) return applied;
    applied.push(step);
  }
}

/** Applies the next pending migration; null when there was none. */
async function migrateOnce(client: pg.ClientBase, schema: string): Promise<number | null> {
  const table = qualified(schema, 'schema_migrations');
  await client.query('BEGIN');
  try {
    await client.query(LOCK_SQL, [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const result = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const done = new Set(result.rows.map((r) => r.version));
    const current = Math.max(0, ...done);
    if (current > LATEST_MIGRATION) {
      throw new PortalError('DG_ERR_STORAGE_UNAVAILABLE', {
        detail:
          `the PostgreSQL schema "${schema}" is at migration ${current}, newer than this ` +
          `version of Datagora knows (${LATEST_MIGRATION}); run a newer Datagora`,
      });
    }
    // Every migration not applied yet, even below the highest applied one: branches developed
    // side by side may land their migrations out of order.
    const next: Migration | undefined = MIGRATIONS.find((m) => !done.has(m.version));
    if (next) {
      for (const statement of next.statements(schema)) await client.query(statement);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [
        next.version,
        next.name,
      ]);
    }
    await client.query('COMMIT');
    return next ? next.version : null;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
