// A reader thread: one read-only connection, a statement cache, and at most one open stream.

import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

import { bindable } from './bindable.ts';
import { BUSY_TIMEOUT_MS, MMAP_SIZE } from './connection.ts';
import type { ReaderReply, ReaderRequest, ReaderWorkerData } from './reader-protocol.ts';
import { registerSqliteFunctions } from './register-functions.ts';

const STATEMENT_CACHE_SIZE = 200;

const port = parentPort!;
const { path } = (workerData as { data: ReaderWorkerData }).data;

const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
db.pragma(`mmap_size = ${MMAP_SIZE}`);
db.pragma('cache_size = -16384');
registerSqliteFunctions(db);

const statements = new Map<string, Database.Statement>();
let open: { id: number; rows: Iterator<unknown[]>; batchSize: number } | null = null;

function prepare(sql: string): Database.Statement {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (!statement.reader) throw new Error('only statements that return rows can be run here');
    statement.raw(true);
    if (statements.size >= STATEMENT_CACHE_SIZE) {
      statements.delete(statements.keys().next().value!);
    }
  }
  statements.set(sql, statement);
  return statement;
}

function closeStream(): void {
  open?.rows.return?.();
  open = null;
}

function nextBatch(): ReaderReply {
  const stream = open!;
  const rows: unknown[][] = [];
  while (rows.length < stream.batchSize) {
    const step = stream.rows.next();
    if (step.done) {
      open = null;
      return { kind: 'rows', id: stream.id, rows, done: true };
    }
    rows.push(step.value);
  }
  return { kind: 'rows', id: stream.id, rows, done: false };
}

function handle(request: ReaderRequest): ReaderReply | null {
  switch (request.kind) {
    case 'query':
      closeStream();
      return {
        kind: 'rows',
        id: request.id,
        rows: prepare(request.sql).all(...bindable(request.params)) as unknown[][],
        done: true,
      };
    case 'stream':
      closeStream();
      open = {
        id: request.id,
        rows: prepare(request.sql).iterate(...bindable(request.params)) as Iterator<unknown[]>,
        batchSize: request.batchSize,
      };
      return nextBatch();
    case 'next':
      if (!open) throw new Error('no stream is open');
      open.id = request.id;
      return nextBatch();
    case 'cancel':
      closeStream();
      return null;
  }
}

port.on('message', (request: ReaderRequest) => {
  let reply: ReaderReply | null;
  try {
    reply = handle(request);
  } catch (error) {
    closeStream();
    reply = { kind: 'error', id: request.id, message: (error as Error).message };
  }
  if (reply) port.postMessage(reply);
});

port.postMessage({ kind: 'ready' } satisfies ReaderReply);
