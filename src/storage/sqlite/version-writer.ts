// Loads one dataset version into its own table. Each batch of records is encoded into one reused
// array and inserted in one transaction as it comes (nothing is buffered, so the records die young
// and cost little to collect); every FLUSH_ROWS records, the new ones are handed to the thread
// that builds the full-text index (text-index-builder.ts, started at the first step) and the event
// loop gets a turn. At commit the other indexes are built (on a thread of their own for a large
// version, index-builder.ts) while that thread ends, and its index is then copied in (a load of
// fewer than FLUSH_ROWS records is indexed here in one statement); then the version's summaries
// are computed by the reader threads, and one transaction stores them and makes the version
// current (the table is invisible to readers until then). No step holds the serving thread long.

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type Database from 'better-sqlite3';

import type { Row } from '../../core/cell.ts';
import type { DatasetVersion } from '../../core/dataset.ts';
import { summaryTableName } from '../../core/columns.ts';
import type { SqlQuery, VersionWriter } from '../engine.ts';
import type { VersionRepository } from '../metadata/version-repository.ts';
import { summaryStatements, summaryText } from '../version-summaries.ts';
import {
  createIndexSqls,
  createSummarySql,
  dropTableSqls,
  ftsInsertSql,
  insertSql,
} from './record-table.ts';
import type { IndexBuilds } from './index-builder.ts';
import { quoteName } from './quote.ts';
import { keepPlainColumns } from './plain-columns.ts';
import type { RowEncoder } from './row-encoder.ts';
import { createRowEncoder } from './row-encoder.ts';
import { TextIndexBuilder } from './text-index-builder.ts';

/**
 * Records loaded between two turns of the event loop, and per full-text indexing step; a load of
 * fewer records is indexed at commit on this thread (no thread started for a small table).
 */
export const FLUSH_ROWS = 50_000;
/**
 * Versions from this size on have their indexes built on a thread of their own: below, each
 * index takes a few tens of milliseconds, less than starting the thread.
 */
export const INDEX_THREAD_MIN_ROWS = 50_000;
/** Records per INSERT statement (multi-row VALUES), within SQLite's limit of bound values. */
const ROWS_PER_INSERT = 64;
const MAX_BOUND_VALUES = 32_766;
/** Retired versions kept (tables and all) for a rollback. */
export const RETIRED_KEPT = 2;

type SqlValue = string | number | bigint | null;

/** Runs a read query on the committed records (the reader threads). */
export type SummaryQueryRunner = (query: SqlQuery) => Promise<unknown[][]>;

export class SqliteVersionWriter implements VersionWriter {
  private state: 'loading' | 'failed' | 'committing' | 'committed' | 'aborted' = 'loading';
  private readonly encoder: RowEncoder;
  private readonly rowsPerInsert: number;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly indexText: Database.Statement | null;
  private readonly insertBatch: Database.Transaction<(rows: Row[]) => void>;
  /** The values of up to `rowsPerInsert` encoded records, reused from one INSERT to the next. */
  private readonly chunk: SqlValue[];
  private chunkRows = 0;
  /** Records inserted, and how many of them the full-text index covers (`_rowid` 1…n). */
  private recordsCount = 0;
  private textIndexed = 0;
  /** The full-text index's thread, from the first step on (null: no text field). */
  private builder: Promise<TextIndexBuilder | null> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly versions: VersionRepository,
    private current: DatasetVersion,
    private readonly runSummary: SummaryQueryRunner,
    private readonly indexBuilds: IndexBuilds,
  ) {
    const { table, fields } = current;
    this.encoder = createRowEncoder(fields);
    this.rowsPerInsert = Math.max(
      1,
      Math.min(ROWS_PER_INSERT, Math.floor(MAX_BOUND_VALUES / this.encoder.width)),
    );
    this.insertMany = db.prepare(insertSql(table, fields, this.rowsPerInsert));
    this.insertOne = db.prepare(insertSql(table, fields, 1));
    const fts = ftsInsertSql(table, fields);
    this.indexText = fts === null ? null : db.prepare(fts);
    this.insertBatch = db.transaction((rows: Row[]) => this.insertRows(rows));
    this.chunk = new Array<SqlValue>(this.rowsPerInsert * this.encoder.width);
  }

  get version(): DatasetVersion {
    return this.current;
  }

  /**
   * Encodes and inserts the records in one transaction (the last few, short of a full INSERT,
   * wait for the next batch); every FLUSH_ROWS records, indexes their text and returns a promise
   * that gives the event loop a turn. After a failure (its batch rolled back, the records
   * waiting in the chunk possibly overwritten), the writer only accepts `abort`. While another
   * load's indexes are built (their thread holds the write lock), it waits for them first.
   */
  append(rows: Row[]): void | Promise<void> {
    this.assertLoading();
    if (this.indexBuilds.busy) return this.indexBuilds.idle().then(() => this.append(rows));
    try {
      this.insertBatch.immediate(rows);
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
    if (this.recordsCount - this.textIndexed < FLUSH_ROWS) return undefined;
    this.indexTextInBackground(this.recordsCount);
    return yieldToEventLoop();
  }

  async commit(): Promise<DatasetVersion> {
    this.assertLoading();
    this.state = 'committing';
    try {
      await this.indexBuilds.idle();
      this.db.transaction(() => this.insertPartialChunk()).immediate();
      await this.finishIndexes();
      const summaries = await this.computeSummaries();
      this.db
        .transaction(() => {
          const now = this.versions.get(this.current.id);
          if (now?.status !== 'loading') {
            throw new Error(`version ${this.current.id} is ${now?.status ?? 'gone'}, not loading`);
          }
          this.storeSummaries(summaries);
          this.versions.makeCurrent(this.current.id, this.recordsCount);
        })
        .immediate();
    } catch (error) {
      await this.abort(`the load could not be committed: ${(error as Error).message}`);
      throw error;
    }
    this.state = 'committed';
    this.current = this.versions.get(this.current.id)!;
    this.dropOldRetired();
    return this.current;
  }

  /** Drops the table and marks the version failed; does nothing once committed or aborted. */
  async abort(reason: string): Promise<void> {
    if (this.state === 'committed' || this.state === 'aborted') return;
    this.state = 'aborted';
    await this.indexBuilds.idle();
    this.chunk.fill(null);
    const builder = await this.builder?.catch(() => null);
    await builder?.abort();
    this.db
      .transaction(() => {
        for (const sql of dropTableSqls(this.current.table)) this.db.exec(sql);
        this.versions.markFailed(this.current.id, reason);
      })
      .immediate();
    this.current = this.versions.get(this.current.id)!;
  }

  /**
   * The rows of the version's summary statements, off the main thread (the table's rows are
   * committed, only the version is not current yet). One that fails is left out: a summary
   * only spares a later query.
   */
  private async computeSummaries(): Promise<[string, string][]> {
    const { table, fields } = this.current;
    const kept: [string, string][] = [];
    for (const { key, query } of summaryStatements(table, fields, 'sqlite')) {
      const text = await this.runSummary(query).then(summaryText, () => null);
      if (text !== null) kept.push([key, text]);
    }
    return kept;
  }

  private storeSummaries(summaries: [string, string][]): void {
    const table = this.current.table;
    this.db.exec(createSummarySql(table));
    const insert = this.db.prepare(
      `INSERT INTO ${quoteName(summaryTableName(table))} (key, rows) VALUES (?, ?)`,
    );
    for (const [key, text] of summaries) insert.run(key, text);
    keepPlainColumns(this.db, table, this.encoder.plainColumns());
  }

  /**
   * Builds the indexes of a large version on a thread of its own (index-builder.ts); those of a
   * smaller one (or of a database in memory) here, one statement at a time.
   */
  private async buildIndexes(sqls: string[]): Promise<void> {
    if (!this.db.memory && this.recordsCount >= INDEX_THREAD_MIN_ROWS) {
      return this.indexBuilds.build(this.db.name, sqls);
    }
    for (const sql of sqls) {
      await yieldToEventLoop();
      this.db.exec(sql);
    }
  }

  /** Inserts `rows` by full INSERTs of `rowsPerInsert` records (inside a transaction). */
  private insertRows(rows: Row[]): void {
    const { encoder, chunk, rowsPerInsert } = this;
    const width = encoder.width;
    for (let i = 0; i < rows.length; i++) {
      encoder.encode(rows[i]!, chunk, this.chunkRows * width);
      if (++this.chunkRows === rowsPerInsert) {
        this.insertMany.run(chunk);
        this.chunkRows = 0;
        this.recordsCount += rowsPerInsert;
      }
    }
  }

  /** Inserts the records waiting in the chunk one by one (inside a transaction). */
  private insertPartialChunk(): void {
    const width = this.encoder.width;
    for (let i = 0; i < this.chunkRows; i++) {
      this.insertOne.run(this.chunk.slice(i * width, (i + 1) * width));
    }
    this.recordsCount += this.chunkRows;
    this.chunkRows = 0;
  }

  /**
   * Hands the records after those already indexed, up to `_rowid` `last` (committed), to the
   * full-text index's thread, starting it the first time.
   */
  private indexTextInBackground(last: number): void {
    if (this.indexText !== null && last > this.textIndexed) {
      const { table, fields } = this.current;
      this.builder ??= TextIndexBuilder.start(this.db.name, table, fields);
      const from = this.textIndexed;
      // Requests reach the thread in order: callbacks on one promise run in the order added.
      this.builder.then((builder) => builder?.index(from, last)).catch(() => undefined);
    }
    this.textIndexed = last;
  }

  /**
   * Completes the full-text index and builds the other indexes. With a full-text thread, the
   * B-tree indexes are built while it indexes its last records (in its own file): both cores
   * work, where one after the other left one idle for seconds on a million records. Its index
   * is copied in once both are done, as both write the store. Without one (a small load), the
   * records are indexed here, then the B-tree indexes built.
   */
  private async finishIndexes(): Promise<void> {
    const indexSqls = createIndexSqls(this.current.table, this.current.fields);
    const builder = this.builder === null ? null : await this.builder;
    if (builder === null) {
      this.indexTextUpTo(this.recordsCount);
      await this.buildIndexes(indexSqls);
      return;
    }
    if (this.recordsCount > this.textIndexed) builder.index(this.textIndexed, this.recordsCount);
    this.textIndexed = this.recordsCount;
    // Both settle before either failure is thrown: `abort` then finds no thread still writing.
    const [text, indexes] = await Promise.allSettled([
      builder.finish(),
      this.buildIndexes(indexSqls),
    ]);
    if (text.status === 'rejected') throw text.reason;
    if (indexes.status === 'rejected') throw indexes.reason;
    await builder.copyInto(this.db, this.current.table);
  }

  /** Adds the records after those already indexed, up to `_rowid` `last`, to the full-text index. */
  private indexTextUpTo(last: number): void {
    if (this.indexText !== null && last > this.textIndexed) {
      const statement = this.indexText;
      const from = this.textIndexed;
      this.db.transaction(() => statement.run(from, last)).immediate();
    }
    this.textIndexed = last;
  }

  private dropOldRetired(): void {
    this.db
      .transaction(() => {
        for (const old of this.versions.retiredBeyond(this.current.datasetId, RETIRED_KEPT)) {
          for (const sql of dropTableSqls(old.table)) this.db.exec(sql);
          this.versions.delete(old.id);
        }
      })
      .immediate();
  }

  private assertLoading(): void {
    if (this.state !== 'loading') {
      throw new Error(`version ${this.current.id} is already ${this.state}`);
    }
  }
}
