// A SQLite engine on a fresh file in a temporary folder, removed by `cleanup()`.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { StorageEngine } from '../../src/storage/engine.ts';
import type { SqliteEngineOptions } from '../../src/storage/sqlite/index.ts';
import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';

export interface TempSqliteEngine {
  engine: StorageEngine;
  dir: string;
  path: string;
  /** Closes the engine and opens a new one on the same file. */
  reopen(options?: Partial<SqliteEngineOptions>): Promise<StorageEngine>;
  /** Closes the engine and removes the folder. */
  cleanup(): Promise<void>;
}

export async function openTempSqliteEngine(
  options: Partial<SqliteEngineOptions> = {},
): Promise<TempSqliteEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'datagora-storage-'));
  const path = join(dir, 'store', 'portal.sqlite');
  const temp: TempSqliteEngine = {
    engine: await openSqliteEngine({ readers: 2, ...options, path }),
    dir,
    path,
    async reopen(more = {}) {
      await temp.engine.close();
      temp.engine = await openSqliteEngine({ readers: 2, ...options, ...more, path });
      return temp.engine;
    },
    async cleanup() {
      await temp.engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}
