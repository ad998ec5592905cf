// Opening the store the configuration names, apart from the app (app.ts) so that a process that
// only prepares the store, the serving processes' primary, does not load the whole portal.

import { join } from 'node:path';

import type { Config } from './config/index.ts';
import type { ChangeRelay, StorageEngine } from './storage/engine.ts';
import { openSqliteEngine } from './storage/sqlite/index.ts';

export const SQLITE_FILE_NAME = 'datagora.sqlite';

export function sqlitePath(config: Config): string {
  return join(config.home, SQLITE_FILE_NAME);
}

/**
 * Opens the store the configuration names. `relay`: the processes serving the SQLite file beside
 * this one, told of its changes (PostgreSQL's own feed already reaches every process).
 */
export async function openStorage(config: Config, relay?: ChangeRelay): Promise<StorageEngine> {
  if (config.databaseUrl !== null) {
    // Imported only here: `pg` and its companions cost a SQLite portal's processes ~15 MB.
    const { openPostgresEngine } = await import('./storage/postgres/index.ts');
    return openPostgresEngine({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      replicaUrl: config.databaseReplicaUrl,
      queryTimeoutMs: config.queryTimeoutMs,
    });
  }
  return openSqliteEngine({
    path: sqlitePath(config),
    readers: config.readers,
    queryTimeoutMs: config.queryTimeoutMs,
    ...(relay ? { relay } : {}),
  });
}
