// Cleans up after imports that ended without commit or abort (a killed process, a crash):
// their versions become failed and their tables are dropped. The current versions are untouched.

import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type Database from 'better-sqlite3';

import { isProcessAlive } from '../../util/is-process-alive.ts';
import type { VersionRepository } from '../metadata/version-repository.ts';
import { dropTableSqls } from './record-table.ts';
import { buildFileTable } from './text-index-builder.ts';

const RECORD_TABLE = /^records_(\d+)$/;

/** Returns the ids of the versions it marked failed. */
export function recoverAbandonedLoads(
  db: Database.Database,
  versions: VersionRepository,
): number[] {
  const recovered: number[] = [];
  for (const { version, ownerPid } of versions.loading()) {
    if (ownerPid !== null && isProcessAlive(ownerPid)) continue;
    db.transaction(() => {
      for (const sql of dropTableSqls(version.table)) db.exec(sql);
      versions.markFailed(
        version.id,
        `the import was interrupted (process ${ownerPid ?? 'unknown'} ended before committing)`,
      );
    }).immediate();
    recovered.push(version.id);
  }
  dropOrphanTables(db, versions);
  removeAbandonedBuilds(db, versions);
  return recovered;
}

/** Removes the full-text build files (text-index-builder.ts) of loads no live process owns. */
function removeAbandonedBuilds(db: Database.Database, versions: VersionRepository): void {
  const live = new Set(
    versions
      .loading()
      .filter(({ ownerPid }) => ownerPid !== null && isProcessAlive(ownerPid))
      .map(({ version }) => version.table),
  );
  const folder = dirname(db.name);
  for (const file of readdirSync(folder)) {
    const table = buildFileTable(basename(db.name), file);
    if (table !== null && !live.has(table)) rmSync(join(folder, file), { force: true });
  }
}

/** Drops record tables whose version failed or no longer exists. */
function dropOrphanTables(db: Database.Database, versions: VersionRepository): void {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'records\\_%' ESCAPE '\\'`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const match = RECORD_TABLE.exec(table);
    if (!match) continue;
    const version = versions.get(Number(match[1]));
    if (version && version.status !== 'failed') continue;
    db.transaction(() => {
      for (const sql of dropTableSqls(table)) db.exec(sql);
    }).immediate();
  }
}
