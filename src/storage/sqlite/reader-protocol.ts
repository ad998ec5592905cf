// Messages between the reader pool (main thread) and a reader worker. One request at a time
// per worker; every request but `cancel` gets exactly one reply with the same id.

import type { RowEncoding } from '../../core/row-encoding.ts';

export interface ReaderWorkerData {
  path: string;
}

export type ReaderRequest =
  /**
   * Runs a statement to the end: one `rows` reply with done = true. With `hold`, a read
   * transaction begins first and lasts until `cancel`, so later statements see the same data.
   */
  | { kind: 'query'; id: number; sql: string; params: unknown[]; hold?: boolean }
  /**
   * Starts a statement and replies with its first batch: `rows`, or with `encoding` `bytes`
   * (the batch's rows encoded).
   */
  | {
      kind: 'stream';
      id: number;
      sql: string;
      params: unknown[];
      batchSize: number;
      encoding?: RowEncoding;
    }
  /**
   * Runs a statement to the end and replies with all its rows encoded (`bytes`, done). `table`:
   * the version table it reads, when known.
   */
  | {
      kind: 'encode';
      id: number;
      sql: string;
      params: unknown[];
      encoding: RowEncoding;
      table?: string;
    }
  /** Replies with the next batch of the open stream. */
  | { kind: 'next'; id: number }
  /** Closes the open stream and ends a held transaction; no reply. */
  | { kind: 'cancel'; id: number };

export type ReaderReply =
  | { kind: 'ready' }
  | { kind: 'rows'; id: number; rows: unknown[][]; done: boolean }
  /** Encoded rows: `rows` rows in `bytes` (maybe none), with the chunk's `meta` if any. */
  | { kind: 'bytes'; id: number; bytes: Uint8Array; rows: number; meta?: unknown; done: boolean }
  | { kind: 'error'; id: number; message: string };
