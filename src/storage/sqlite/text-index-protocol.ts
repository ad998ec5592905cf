// Messages between a version writer and the thread that builds its full-text index.

export interface TextIndexWorkerData {
  /** The store, read for the records' text (attached, never written). */
  storePath: string;
  /** The file the index is built in, copied into the store at commit. */
  buildPath: string;
  /** The records table, and the statements that create and fill its FTS5 index. */
  table: string;
  createSql: string;
  insertSql: string;
}

/** Index the records whose `_rowid` is in (from, last]; `end`: close the file and answer. */
export type TextIndexRequest = { kind: 'index'; from: number; last: number } | { kind: 'end' };

export type TextIndexReply = { kind: 'done' } | { kind: 'failed'; message: string };
