// At engine open: versions left `loading` by a dead import are marked failed and their tables
// dropped. A load is dead when its owner runs on this host and its pid is gone, or when nobody
// holds its advisory lock any more (its connection closed, wherever it ran).

import { hostname } from 'node:os';

import type pg from 'pg';

import { dropVersionTablesSql } from './record-table.ts';
import { qualified } from './quote.ts';
import { loadLockArgs } from './version-writer.ts';
import { inTransaction } from './transaction.ts';

interface LoadingRow {
  id: number;
  table_name: string;
  owner: string | null;
}

/** Whether a process of this host is alive (EPERM means it runs under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Whether `owner` (`<hostname>:<pid>`) names a dead process of this host. */
export function isDeadLocalOwner(owner: string | null, host = hostname()): boolean {
  if (owner === null) return false;
  const at = owner.lastIndexOf(':');
  if (at < 0 || owner.slice(0, at) !== host) return false;
  const pid = Number(owner.slice(at + 1));
  return Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid);
}

/** Marks dead loads failed and drops their tables; returns the ids of the versions recovered. */
export async function recoverDeadLoads(pool: pg.Pool, schema: string): Promise<number[]> {
  const versions = qualified(schema, 'dataset_versions');
  const loading = await pool.query<LoadingRow>(
    `SELECT id, table_name, owner FROM ${versions} WHERE status = 'loading' ORDER BY id`,
  );
  const recovered: number[] = [];
  for (const row of loading.rows) {
    await inTransaction(pool, async (client) => {
      const free = await client.query<{ free: boolean }>(
        `SELECT pg_try_advisory_xact_lock(${loadLockArgs(schema, row.id)}) AS free`,
      );
      if (!free.rows[0]?.free && !isDeadLocalOwner(row.owner)) return;
      const marked = await client.query(
        `UPDATE ${versions}
         SET status = 'failed', owner = NULL,
             error = coalesce(error, 'the import stopped before it ended (process ' || coalesce(owner, '?') || ')')
         WHERE id = $1 AND status = 'loading'`,
        [row.id],
      );
      if (marked.rowCount === 1) {
        await client.query(dropVersionTablesSql(schema, row.table_name));
        recovered.push(row.id);
      }
    });
  }
  return recovered;
}
