// The thread that builds a version's full-text index while its records are loaded: the FTS5 table
// of the store's schema (record-table.ts), in a file of its own that holds nothing else, filled
// step by step from the records the writer has committed. No journal and no sync: the file is
// thrown away unless the build ends, and the writer copies it into the store inside transactions.

import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

import { BUSY_TIMEOUT_MS } from './connection.ts';
import type {
  TextIndexReply,
  TextIndexRequest,
  TextIndexWorkerData,
} from './text-index-protocol.ts';

const port = parentPort!;
const data = (workerData as { data: TextIndexWorkerData }).data;

function reply(message: TextIndexReply): void {
  port.postMessage(message);
}

let db: Database.Database | null = null;
let insert: Database.Statement | null = null;
let failed = false;

try {
  db = new Database(data.buildPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.prepare('ATTACH ? AS src').run(data.storePath);
  // The records are read once, in order: a small page cache for them.
  db.pragma('src.cache_size = -2048');
  db.exec(data.createSql);
  insert = db.prepare(data.insertSql);
} catch (error) {
  failed = true;
  reply({ kind: 'failed', message: (error as Error).message });
}

port.on('message', (request: TextIndexRequest) => {
  if (failed) return;
  try {
    if (request.kind === 'index') {
      const statement = insert!;
      db!.transaction(() => statement.run(request.from, request.last))();
      return;
    }
    db!.close();
    reply({ kind: 'done' });
  } catch (error) {
    failed = true;
    reply({ kind: 'failed', message: (error as Error).message });
  }
});
