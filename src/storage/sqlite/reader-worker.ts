// A reader thread: one read-only connection, a statement cache, at most one open stream, and
// the export encoders (rows become text here, and only bytes cross to the main thread).

import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

import type { JoinedRuns } from '../../core/joined-runs.ts';
import type { ChunkEncoder, RowEncoderModule, RowEncoding } from '../../core/row-encoding.ts';
import { ChunkWriter, TextBuffer, loadChunkEncoder, loadJoinedWriter } from '../encode-rows.ts';
import { bindable } from './bindable.ts';
import { csvLinesSql } from './csv-lines-sql.ts';
import { jsonLinesSql } from './json-lines-sql.ts';
import { REFUSED_BYTE } from './line-values-sql.ts';
import { LineRefusals } from './line-refusals.ts';
import { plainColumnNames, plainColumnsSql } from './plain-columns.ts';
import { readColumnParts } from './read-column-parts.ts';
import { joinedSql } from './joined-sql.ts';
import { BUSY_TIMEOUT_MS, MMAP_SIZE } from './connection.ts';
import type { ReaderReply, ReaderRequest, ReaderWorkerData } from './reader-protocol.ts';
import { registerSqliteFunctions } from './register-functions.ts';

const STATEMENT_CACHE_SIZE = 200;
/** Page cache of queries (negative: in KiB), and of exports: a sequential read reuses no page. */
const CACHE_KIB = -16384;
const EXPORT_CACHE_KIB = -2048;

const port = parentPort!;
const { path } = (workerData as { data: ReaderWorkerData }).data;

const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
db.pragma(`mmap_size = ${MMAP_SIZE}`);
db.pragma(`cache_size = ${CACHE_KIB}`);
registerSqliteFunctions(db);

const statements = new Map<string, Database.Statement>();

/**
 * Exports (every stream: only exports stream) read without memory mapping: a whole table mapped
 * counts in the process's memory (the pages stay resident while mapped), for a few per cent of
 * speed on a sequential read; and with a small page cache, which a sequential read would fill
 * with pages it never reads again.
 */
let mapped = true;
function useMapping(on: boolean): void {
  if (on === mapped) return;
  db.pragma(`mmap_size = ${on ? MMAP_SIZE : 0}`);
  db.pragma(`cache_size = ${on ? CACHE_KIB : EXPORT_CACHE_KIB}`);
  mapped = on;
}

interface OpenStream {
  id: number;
  rows: Iterator<unknown[]>;
  batchSize: number;
  writer: ChunkEncoder | null;
}

let open: OpenStream | null = null;

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

function endTransaction(): void {
  if (db.inTransaction) db.exec('COMMIT');
}

/** Every export this thread encodes writes its text into this buffer. */
const textBuffer = new TextBuffer();

function writerFor(encoding: RowEncoding): Promise<ChunkEncoder> {
  return loadChunkEncoder(encoding, textBuffer);
}

/**
 * The writer of the last ranged export's rows, kept for its next range: ranges of one export
 * are encoded alike (they may go to either reader, in any order), and a kept encoder keeps what
 * it learnt (the lists and instants already written) instead of starting afresh every range.
 */
let rangeWriter: { key: string; writer: ChunkWriter } | null = null;

async function rangeWriterFor(encoding: RowEncoding, joined: boolean): Promise<ChunkEncoder> {
  const key = `${joined ? 'joined' : 'plain'} ${JSON.stringify(encoding)}`;
  if (rangeWriter?.key === key) {
    // Rows of a range that failed half way are not the next range's.
    rangeWriter.writer.discard();
    return rangeWriter.writer;
  }
  const writer = joined
    ? await loadJoinedWriter(encoding, textBuffer)
    : await loadChunkEncoder(encoding, textBuffer);
  // Only row encoders, which hold no rows between ranges (a chunk encoder may: Parquet's).
  rangeWriter = writer instanceof ChunkWriter ? { key, writer } : null;
  return writer;
}

/**
 * Queries (with the text joining their runs) whose joined rows the encoder refused once (text
 * holding the delimiter): their later ranges are read unjoined at once rather than twice.
 */
const unjoinable = new Set<string>();
const UNJOINABLE_LIMIT = 100;

function unjoinableKey(sql: string, joined: JoinedRuns): string {
  return `${joined.json ? 'json' : joined.separator}\n${sql}`;
}

/** A range read with its text columns joined, or null when a row needs it read unjoined. */
async function encodeJoined(
  request: Extract<ReaderRequest, { kind: 'encode' }>,
  joined: NonNullable<RowEncoding['joined']>,
): Promise<ReaderReply | null> {
  const width = prepare(request.sql).columns().length;
  const writer = (await rangeWriterFor(request.encoding, true)) as ChunkWriter;
  const rows = prepare(joinedSql(request.sql, width, joined)).iterate(...bindable(request.params));
  for (const row of rows as Iterable<unknown[]>) {
    if (writer.tryAdd(row)) continue;
    // Leaving the loop ends the statement.
    writer.discard();
    if (unjoinable.size >= UNJOINABLE_LIMIT) unjoinable.clear();
    unjoinable.add(unjoinableKey(request.sql, joined));
    return null;
  }
  return bytesReply(request.id, writer, true);
}

/** Queries whose ranges SQL often cannot write: their ranges are encoded row by row at once. */
const lineRefusals = new LineRefusals();

/**
 * The plain fields the load of `table` noted (none when unknown: all are checked). Read for
 * each range, a lookup by key: a cached answer could outlive its table, whose name a later
 * version may take again.
 */
function plainColumnsOf(table: string | undefined): ReadonlySet<string> {
  if (table === undefined) return new Set();
  try {
    const [text] = prepare(plainColumnsSql(table)).get() as [unknown] | [];
    return plainColumnNames(text);
  } catch {
    return new Set(); // A version loaded before they were noted: no summary table.
  }
}

/**
 * A range's lines (CSV lines or JSON records) written by SQLite, or null when a row needs the row
 * encoder. Null too when the encoding has no lines, or SQL was refused too often for the query.
 */
function encodeLines(request: Extract<ReaderRequest, { kind: 'encode' }>): ReaderReply | null {
  const { csvLines, jsonLines, separator, terminator } = request.encoding;
  if ((!csvLines && !jsonLines) || !lineRefusals.worthTrying(request.sql)) return null;
  const width = prepare(request.sql).columns().length;
  const plain = plainColumnsOf(request.table);
  const sql = csvLines
    ? csvLinesSql(request.sql, width, csvLines, plain)
    : jsonLinesSql(request.sql, width, jsonLines!, { separator, terminator }, plain);
  let statement: Database.Statement;
  try {
    statement = prepare(sql);
  } catch {
    // A limit of SQLite's (the statement's length, its depth): the row encoder writes them.
    lineRefusals.giveUp(request.sql);
    return null;
  }
  const [bytes, rows] = statement.get(...bindable(request.params)) as [Buffer | null, number];
  const refused = bytes?.includes(REFUSED_BYTE) === true;
  lineRefusals.record(request.sql, refused);
  if (refused) return null;
  return { kind: 'bytes', id: request.id, rows, bytes: bytes ?? new Uint8Array(), done: true };
}

/**
 * A range read by columns and encoded by the module's encodeColumnParts (RowEncoding.columnParts),
 * or null when the encoding has no parts, SQL could not read them, or the module refused them.
 */
async function encodeParts(
  request: Extract<ReaderRequest, { kind: 'encode' }>,
): Promise<ReaderReply | null> {
  const { columnParts, module, options } = request.encoding;
  if (!columnParts) return null;
  const loaded = (await import(module)) as RowEncoderModule;
  if (!loaded.encodeColumnParts) return null;
  const encode = loaded.encodeColumnParts;
  const query = {
    sql: request.sql,
    params: bindable(request.params),
    values: columnParts,
    plainColumns: plainColumnsOf(request.table),
  };
  const chunk = readColumnParts(prepare, query, (parts) => encode(options as never, parts));
  if (!chunk) return null;
  const { bytes, rows, meta } = chunk;
  return meta === undefined
    ? { kind: 'bytes', id: request.id, rows, bytes, done: true }
    : { kind: 'bytes', id: request.id, rows, bytes, meta, done: true };
}

function bytesReply(id: number, writer: ChunkEncoder, done: boolean): ReaderReply {
  const { bytes, rows, meta } = writer.take();
  return meta === undefined
    ? { kind: 'bytes', id, rows, bytes, done }
    : { kind: 'bytes', id, rows, bytes, meta, done };
}

function nextBatch(): ReaderReply {
  const stream = open!;
  const rows: unknown[][] = [];
  const writer = stream.writer;
  let count = 0;
  while (count < stream.batchSize) {
    const step = stream.rows.next();
    if (step.done) {
      open = null;
      return writer
        ? bytesReply(stream.id, writer, true)
        : { kind: 'rows', id: stream.id, rows, done: true };
    }
    if (writer) writer.add(step.value);
    else rows.push(step.value);
    count++;
  }
  return writer
    ? bytesReply(stream.id, writer, false)
    : { kind: 'rows', id: stream.id, rows, done: false };
}

async function handle(request: ReaderRequest): Promise<ReaderReply | null> {
  if (request.kind !== 'next' && request.kind !== 'cancel') {
    closeStream();
    useMapping(request.kind === 'query');
  }
  switch (request.kind) {
    case 'query': {
      if (request.hold && !db.inTransaction) db.exec('BEGIN');
      const rows = prepare(request.sql).all(...bindable(request.params)) as unknown[][];
      return { kind: 'rows', id: request.id, rows, done: true };
    }
    case 'stream': {
      const writer = request.encoding ? await writerFor(request.encoding) : null;
      open = {
        id: request.id,
        rows: prepare(request.sql).iterate(...bindable(request.params)) as Iterator<unknown[]>,
        batchSize: request.batchSize,
        writer,
      };
      return nextBatch();
    }
    case 'encode': {
      const lines = encodeLines(request) ?? (await encodeParts(request));
      if (lines) return lines;
      const joined = request.encoding.joined;
      if (joined && !unjoinable.has(unjoinableKey(request.sql, joined))) {
        const reply = await encodeJoined(request, joined);
        if (reply) return reply;
      }
      const writer = await rangeWriterFor(request.encoding, false);
      const rows = prepare(request.sql).iterate(...bindable(request.params));
      for (const row of rows as Iterable<unknown[]>) writer.add(row);
      return bytesReply(request.id, writer, true);
    }
    case 'next':
      if (!open) throw new Error('no stream is open');
      open.id = request.id;
      return nextBatch();
    case 'cancel':
      closeStream();
      endTransaction();
      return null;
  }
}

/**
 * Encoded bytes are the reply's own (copied out of the writer's buffer at their length), so they
 * are moved to the main thread, not copied again: cloning them cost two more copies, and the
 * main thread's memory held both until its next collection (about 30 MB more at the peak).
 */
function send(reply: ReaderReply): void {
  const bytes = reply.kind === 'bytes' ? reply.bytes : null;
  // Only a buffer the chunk wholly owns is moved (never one shared with other bytes).
  if (bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } else port.postMessage(reply);
}

// Requests are handled one after the other, even when one waits (an encoder module loading).
let queue = Promise.resolve();
port.on('message', (request: ReaderRequest) => {
  queue = queue.then(async () => {
    let reply: ReaderReply | null;
    try {
      reply = await handle(request);
    } catch (error) {
      closeStream();
      reply = { kind: 'error', id: request.id, message: (error as Error).message };
    }
    if (reply) send(reply);
  });
});

port.postMessage({ kind: 'ready' } satisfies ReaderReply);
