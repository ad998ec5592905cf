// The index builder's thread: its own read-write connection runs the CREATE INDEX statements of
// a loaded version one after the other, then closes. Waiting for the write lock happens here,
// never on the serving thread.

import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

import type { IndexWorkerData } from './index-builder.ts';

const port = parentPort!;
const { path, sqls, busyTimeoutMs, threads } = (workerData as { data: IndexWorkerData }).data;

let db: Database.Database | null = null;
try {
  db = new Database(path, { fileMustExist: true });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('temp_store = MEMORY');
  // 16 MiB of page cache: the serving connection's cache is still full of the load, and 64 MiB
  // here (as there) took the import's peak from about 395 to 435 MB, for no faster build.
  db.pragma('cache_size = -16384');
  db.pragma('mmap_size = 0');
  db.pragma(`threads = ${threads}`);
  for (const sql of sqls) db.exec(sql);
  port.postMessage({ ok: true });
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  db?.close();
}
