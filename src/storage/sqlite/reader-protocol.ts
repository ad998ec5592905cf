// Messages between the reader pool (main thread) and a reader worker. One request at a time
// per worker; every request but `cancel` gets exactly one reply with the same id.

export interface ReaderWorkerData {
  path: string;
}

export type ReaderRequest =
  /** Runs a statement to the end: one `rows` reply with done = true. */
  | { kind: 'query'; id: number; sql: string; params: unknown[] }
  /** Starts a statement and replies with its first batch. */
  | { kind: 'stream'; id: number; sql: string; params: unknown[]; batchSize: number }
  /** Replies with the next batch of the open stream. */
  | { kind: 'next'; id: number }
  /** Closes the open stream; no reply. */
  | { kind: 'cancel'; id: number };

export type ReaderReply =
  | { kind: 'ready' }
  | { kind: 'rows'; id: number; rows: unknown[][]; done: boolean }
  | { kind: 'error'; id: number; message: string };
