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
    // Bulk loads and index builds sort in memory and keep hot pages cached (64 MiB).
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
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
