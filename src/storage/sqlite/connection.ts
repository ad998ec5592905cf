// Opens the engine's one read-write connection, tuned for a WAL store with bulk loads.

import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { keepStatements } from './statement-cache.ts';

/** How long a statement waits for another process's write lock before failing. */
export const BUSY_TIMEOUT_MS = 5000;
/** Bytes of the file read through memory mapping by the reader connections. */
export const MMAP_SIZE = 1 << 30;

export function openWriteConnection(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Small loads' index builds sort in memory. The page cache is 8 MiB: a bulk load appends
    // pages it never reads again, and large loads build their indexes on a thread of their own
    // (index-worker.ts); 64 MiB here only held a million-row import's last pages (its peak
    // was about 45 MB higher, at the same speed).
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -8192');
    // No memory mapping here: a bulk load would map (and count in the process's memory) every
    // page it writes and scans; the page cache above bounds what the writer keeps.
    db.pragma('mmap_size = 0');
    // Index builds sort with helper threads.
    db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    keepStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
