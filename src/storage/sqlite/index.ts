// Opens the SQLite storage engine on a file (created with its folder when missing).

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

import type { ChangeRelay } from '../change-feed.ts';
import type { StorageEngine } from '../engine.ts';
import { ActivityRepository } from '../metadata/activity-repository.ts';
import { DatasetLifecycle } from '../metadata/dataset-lifecycle.ts';
import { DatasetRepository } from '../metadata/dataset-repository.ts';
import { migrate } from '../metadata/migrate.ts';
import { SqliteAccountStore } from '../metadata/sqlite-account-store.ts';
import { SqliteAudienceStore } from '../metadata/sqlite-audience-store.ts';
import { SqliteConsentStore } from '../metadata/sqlite-consent-store.ts';
import { SqlitePortalSettingsStore } from '../metadata/sqlite-portal-settings-store.ts';
import { SqlitePortalTextsStore } from '../metadata/sqlite-portal-texts-store.ts';
import { SqliteImportStore } from '../metadata/sqlite-import-store.ts';
import { SqliteQuotaStore } from '../metadata/sqlite-quota-store.ts';
import {
  accountsWithNotices,
  consentWithNotices,
  metadataWithNotices,
  schemasWithNotices,
  settingsWithNotices,
} from '../change-notices.ts';
import { LocalChangeFeed } from '../local-change-feed.ts';
import { RelayedChangeFeed } from '../relayed-change-feed.ts';
import { DatasetSnapshots } from '../metadata/dataset-snapshots.ts';
import { SqliteMetadataStore } from '../metadata/sqlite-metadata-store.ts';
import { SqliteSchemaStore } from '../metadata/sqlite-schema-store.ts';
import { VersionRepository } from '../metadata/version-repository.ts';
import { openWriteConnection } from './connection.ts';
import { IndexBuilds, deferWrites } from './index-builder.ts';
import { RANGE_ROWS } from './ranged-export.ts';
import { ReaderPool } from './reader-pool.ts';
import { sqliteRecordTables } from './record-tables.ts';
import { recoverAbandonedLoads } from './recovery.ts';
import { SqliteEngine } from './sqlite-engine.ts';

export interface SqliteEngineOptions {
  /** The database file. */
  path: string;
  /** Reader threads (default: the number of CPUs, at least 2). */
  readers?: number;
  /** Default time limit of a query, in milliseconds (default 30 s). */
  queryTimeoutMs?: number;
  /** Row ids per range of an export read by ranges (default RANGE_ROWS). */
  exportRangeRows?: number;
  /** Other processes serving the file on this machine, told of changes through it. */
  relay?: ChangeRelay;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

export async function openSqliteEngine(options: SqliteEngineOptions): Promise<StorageEngine> {
  const path = resolve(options.path);
  const db = openWriteConnection(path);
  try {
    migrate(db);
    const datasets = new DatasetRepository(db);
    const versions = new VersionRepository(db);
    recoverAbandonedLoads(db, versions);
    const readers = await ReaderPool.start(
      { path },
      Math.max(1, options.readers ?? Math.max(2, availableParallelism())),
    );
    // One file, one machine: the changes its caches must hear are this process's own, and those
    // of the processes serving beside it, when there are (relayed by their primary).
    const changes = options.relay ? new RelayedChangeFeed(options.relay) : new LocalChangeFeed();
    const indexBuilds = new IndexBuilds();
    const metadata = new SqliteMetadataStore(
      datasets,
      versions,
      new DatasetLifecycle(db, datasets, versions, sqliteRecordTables(db)),
      new ActivityRepository(db),
      new DatasetSnapshots(
        db,
        (id) => datasets.get(id),
        () => datasets.list(),
      ),
    );
    return new SqliteEngine(
      db,
      metadataWithNotices(metadata, changes),
      accountsWithNotices(new SqliteAccountStore(db), changes),
      consentWithNotices(new SqliteConsentStore(db), changes),
      deferWrites(
        new SqliteAudienceStore(db),
        ['addCounts', 'saveVisitors', 'purgeBefore'],
        indexBuilds,
      ),
      new SqlitePortalTextsStore(db),
      settingsWithNotices(new SqlitePortalSettingsStore(db), changes),
      deferWrites(new SqliteImportStore(db), ['reportProgress'], indexBuilds),
      new SqliteQuotaStore(db),
      changes,
      schemasWithNotices(new SqliteSchemaStore(db), changes),
      datasets,
      versions,
      readers,
      options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      options.exportRangeRows ?? RANGE_ROWS,
      indexBuilds,
    );
  } catch (error) {
    db.close();
    throw error;
  }
}
