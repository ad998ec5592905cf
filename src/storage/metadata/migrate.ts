// Applies the pending migrations of the metadata schema, each once, each in its own transaction.

import type Database from 'better-sqlite3';

import { PortalError } from '../../core/errors.ts';
import { isoNow } from '../../util/iso-now.ts';
import type { Migration } from './migrations.ts';
import { MIGRATIONS } from './migrations.ts';

/** Brings the store up to date; returns the versions it applied. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE: a second process opening the same store waits, then sees the work done.
    const done = db
      .transaction(() => {
        const newest = currentVersion(db);
        if (newest > known) throw newerStoreError(db.name, newest, known);
        const row = db
          .prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
          .get(migration.version);
        if (row) return false;
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, isoNow());
        return true;
      })
      .immediate();
    if (done) applied.push(migration.version);
  }
  const newest = currentVersion(db);
  if (newest > known) throw newerStoreError(db.name, newest, known);
  return applied;
}

export function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

function newerStoreError(path: string, found: number, known: number): PortalError {
  return new PortalError('DG_ERR_STORAGE_UNAVAILABLE', {
    detail:
      `the store ${path} has schema version ${found}, newer than this Datagora knows ` +
      `(${known}); upgrade Datagora or restore a backup.`,
  });
}
