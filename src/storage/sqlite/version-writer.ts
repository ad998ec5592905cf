// Loads one dataset version into its own table: rows are encoded as they come, inserted in
// transactions of about FLUSH_ROWS records (the table is invisible to readers until the version
// is made current), then indexes and the full-text index are built, then one transaction makes
// the version current.

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type Database from 'better-sqlite3';

import type { Row } from '../../core/cell.ts';
import type { DatasetVersion } from '../../core/dataset.ts';
import type { VersionWriter } from '../engine.ts';
import type { VersionRepository } from '../metadata/version-repository.ts';
import { createFtsSqls, createIndexSqls, dropTableSqls, insertSql } from './record-table.ts';
import type { RowEncoder } from './row-encoder.ts';
import { createRowEncoder } from './row-encoder.ts';

/** Records per transaction while loading. */
export const FLUSH_ROWS = 50_000;
/** Records per INSERT statement (multi-row VALUES), within SQLite's limit of bound values. */
const ROWS_PER_INSERT = 64;
const MAX_BOUND_VALUES = 32_766;
/** Retired versions kept (tables and all) for a rollback. */
export const RETIRED_KEPT = 2;

type SqlValue = string | number | bigint | null;

export class SqliteVersionWriter implements VersionWriter {
  private state: 'loading' | 'committing' | 'committed' | 'aborted' = 'loading';
  private readonly encoder: RowEncoder;
  private readonly rowsPerInsert: number;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  /** Full chunks of `rowsPerInsert` encoded records, and the chunk being filled. */
  private chunks: SqlValue[][] = [];
  private chunk: SqlValue[];
  private chunkRows = 0;
  private bufferedRows = 0;
  private recordsCount = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly versions: VersionRepository,
    private current: DatasetVersion,
  ) {
    this.encoder = createRowEncoder(current.fields);
    this.rowsPerInsert = Math.max(
      1,
      Math.min(ROWS_PER_INSERT, Math.floor(MAX_BOUND_VALUES / this.encoder.width)),
    );
    this.insertMany = db.prepare(insertSql(current.table, current.fields, this.rowsPerInsert));
    this.insertOne = db.prepare(insertSql(current.table, current.fields, 1));
    this.chunk = this.newChunk();
  }

  get version(): DatasetVersion {
    return this.current;
  }

  /**
   * Encodes and buffers the records; every FLUSH_ROWS records they are inserted in one
   * transaction, and the returned promise then gives the event loop a turn.
   */
  append(rows: Row[]): void | Promise<void> {
    this.assertLoading();
    const width = this.encoder.width;
    let flushed = false;
    for (const row of rows) {
      this.encoder.encode(row, this.chunk, this.chunkRows * width);
      this.chunkRows++;
      this.bufferedRows++;
      if (this.chunkRows === this.rowsPerInsert) {
        this.chunks.push(this.chunk);
        this.chunk = this.newChunk();
        this.chunkRows = 0;
        if (this.bufferedRows >= FLUSH_ROWS) {
          this.flush();
          flushed = true;
        }
      }
    }
    return flushed ? yieldToEventLoop() : undefined;
  }

  async commit(): Promise<DatasetVersion> {
    this.assertLoading();
    this.state = 'committing';
    try {
      this.flush();
      const table = this.current.table;
      const fields = this.current.fields;
      for (const sql of [...createIndexSqls(table, fields), ...createFtsSqls(table, fields)]) {
        await yieldToEventLoop();
        this.db.exec(sql);
      }
      this.db
        .transaction(() => {
          const now = this.versions.get(this.current.id);
          if (now?.status !== 'loading') {
            throw new Error(`version ${this.current.id} is ${now?.status ?? 'gone'}, not loading`);
          }
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
    this.chunks = [];
    this.db
      .transaction(() => {
        for (const sql of dropTableSqls(this.current.table)) this.db.exec(sql);
        this.versions.markFailed(this.current.id, reason);
      })
      .immediate();
    this.current = this.versions.get(this.current.id)!;
  }

  /** Inserts the buffered records in one transaction. */
  private flush(): void {
    const width = this.encoder.width;
    const chunks = this.chunks;
    const partial = this.chunk;
    const partialRows = this.chunkRows;
    this.chunks = [];
    this.chunk = this.newChunk();
    this.chunkRows = 0;
    this.bufferedRows = 0;
    this.db
      .transaction(() => {
        for (const chunk of chunks) this.insertMany.run(chunk);
        for (let i = 0; i < partialRows; i++) {
          this.insertOne.run(partial.slice(i * width, (i + 1) * width));
        }
      })
      .immediate();
    this.recordsCount += chunks.length * this.rowsPerInsert + partialRows;
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

  private newChunk(): SqlValue[] {
    return new Array<SqlValue>(this.rowsPerInsert * this.encoder.width);
  }

  private assertLoading(): void {
    if (this.state !== 'loading') {
      throw new Error(`version ${this.current.id} is already ${this.state}`);
    }
  }
}
