// A version's full-text index built on another thread (text-index-worker.ts) while the records
// are loaded, then copied into the store: the writing thread no longer tokenises the text. The
// copy moves FTS5's own tables (segments, their index, document sizes, settings) row for row into
// the empty FTS5 table created in the store with the same statement, so the result is the index
// the writing thread would have built.

import { rmSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';

import type Database from 'better-sqlite3';

import { ftsTableName } from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import { spawnModuleWorker } from '../../util/spawn-module-worker.ts';
import { quoteName } from './quote.ts';
import { createFtsSql, ftsInsertSql } from './record-table.ts';
import type {
  TextIndexReply,
  TextIndexRequest,
  TextIndexWorkerData,
} from './text-index-protocol.ts';

const ENTRY = new URL('./text-index-worker.ts', import.meta.url);
/** The thread allocates little (SQLite does the work): a small young generation. */
const LIMITS = { maxYoungGenerationSizeMb: 8 };
/** The build file's schema name on the store's connection during the copy. */
const BUILD_SCHEMA = 'dg_text_build';

/** Where the index of `table` is built: beside the store, removed once copied or abandoned. */
export function textIndexBuildPath(storePath: string, table: string): string {
  return `${storePath}-${table}-fts.build`;
}

/** A build file's table, or null for another file (recovery removes abandoned ones). */
export function buildFileTable(storeFileName: string, fileName: string): string | null {
  const prefix = `${storeFileName}-`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('-fts.build')) return null;
  const table = fileName.slice(prefix.length, -'-fts.build'.length);
  return /^records_\d+$/.test(table) ? table : null;
}

export class TextIndexBuilder {
  private failure: string | null = null;
  private done: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    readonly buildPath: string,
  ) {
    this.done = new Promise((resolve, reject) => {
      worker.on('message', (reply: TextIndexReply) => {
        if (reply.kind === 'done') resolve();
        else {
          this.failure = reply.message;
          reject(new Error(`the full-text index could not be built: ${reply.message}`));
        }
      });
      worker.once('error', (error) => {
        this.failure = error.message;
        reject(error);
      });
      worker.once('exit', () => reject(new Error('the full-text index thread stopped')));
    });
    // A failure is reported by `finish`; until then it must not go unhandled.
    this.done.catch(() => undefined);
  }

  /** Starts the thread; null when the table has no text field (no index to build). */
  static async start(
    storePath: string,
    table: string,
    fields: Field[],
  ): Promise<TextIndexBuilder | null> {
    const createSql = createFtsSql(table, fields);
    const insertSql = ftsInsertSql(table, fields);
    if (createSql === null || insertSql === null) return null;
    const buildPath = textIndexBuildPath(storePath, table);
    rmSync(buildPath, { force: true });
    const data: TextIndexWorkerData = { storePath, buildPath, table, createSql, insertSql };
    return new TextIndexBuilder(await spawnModuleWorker(ENTRY, data, LIMITS), buildPath);
  }

  /** Indexes the records whose `_rowid` is in (from, last], once they are committed. */
  index(from: number, last: number): void {
    if (this.failure !== null) return;
    const request: TextIndexRequest = { kind: 'index', from, last };
    this.worker.postMessage(request);
  }

  /** Waits for the steps asked so far, closes the file and stops the thread. */
  async finish(): Promise<void> {
    const request: TextIndexRequest = { kind: 'end' };
    this.worker.postMessage(request);
    await this.done;
    await this.worker.terminate();
  }

  /**
   * Copies the built index into the store's empty FTS5 table of `table`, one FTS5 table at a
   * time (each in its own transaction, the event loop getting a turn between them), then removes
   * the build file. The version is still loading: no reader sees the index before the commit.
   */
  async copyInto(db: Database.Database, table: string): Promise<void> {
    const fts = ftsTableName(table);
    db.prepare(`ATTACH ? AS ${BUILD_SCHEMA}`).run(this.buildPath);
    try {
      // The file holds the FTS5 table alone: every other table of it is one of FTS5's own.
      const shadows = db
        .prepare(
          `SELECT name FROM ${BUILD_SCHEMA}.sqlite_schema WHERE type = 'table' AND name <> ? ` +
            `AND sql NOT LIKE 'CREATE VIRTUAL%'`,
        )
        .pluck()
        .all(fts) as string[];
      for (const shadow of shadows) {
        await yieldToEventLoop();
        const name = quoteName(shadow);
        // FTS5's own tables are written only by FTS5 unless the connection's defensive mode
        // is off, which it is for these two statements alone.
        db.unsafeMode(true);
        try {
          db.transaction(() => {
            db.exec(`DELETE FROM main.${name}`);
            db.exec(`INSERT INTO main.${name} SELECT * FROM ${BUILD_SCHEMA}.${name}`);
          }).immediate();
        } finally {
          db.unsafeMode(false);
        }
      }
    } finally {
      db.exec(`DETACH ${BUILD_SCHEMA}`);
    }
    rmSync(this.buildPath, { force: true });
  }

  /** Stops the thread and removes the build file. */
  async abort(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.buildPath, { force: true });
  }
}
