// The SQLite storage engine: metadata and writes on the main thread's read-write connection,
// dataset queries on a pool of reader threads.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type Database from 'better-sqlite3';

import { PortalError } from '../../core/errors.ts';
import { bundledModuleUrl } from '../../util/bundle-module.ts';
import type { EncodedChunk, RowEncoding } from '../../core/row-encoding.ts';
import type {
  BeginVersionInput,
  EncodedQuery,
  MetadataStore,
  QueryOptions,
  ScratchTable,
  SqlQuery,
  StorageEngine,
  StreamOptions,
  VersionWriter,
} from '../engine.ts';
import type { AccountStore } from '../account-store.ts';
import type { AudienceStore } from '../audience-store.ts';
import type { ConsentStore } from '../consent-store.ts';
import type { PortalSettingsStore } from '../portal-settings-store.ts';
import type { PortalTextsStore } from '../portal-texts-store.ts';
import type { ImportStore } from '../import-store.ts';
import type { QuotaStore } from '../quota-store.ts';
import type { ChangeFeed } from '../change-feed.ts';
import { writerWithNotices } from '../change-notices.ts';
import type { SchemaStore } from '../schema-store.ts';
import type { DatasetRepository } from '../metadata/dataset-repository.ts';
import type { VersionRepository } from '../metadata/version-repository.ts';
import { summaryTableName } from '../../core/columns.ts';
import { statementKey, summaryRows } from '../version-summaries.ts';
import { createFtsSql, createTableSql, recordTableName } from './record-table.ts';
import { quoteName } from './quote.ts';
import { leaseStream } from './lease-stream.ts';
import { rangedExport } from './ranged-export.ts';
import type { IndexBuilds } from './index-builder.ts';
import type { ReaderPool } from './reader-pool.ts';
import { recoverAbandonedLoads } from './recovery.ts';
import { queryScratchTable } from './scratch-table.ts';
import { SqliteVersionWriter } from './version-writer.ts';

const DEFAULT_BATCH_SIZE = 1000;

export class SqliteEngine implements StorageEngine {
  readonly name = 'sqlite' as const;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    readonly metadata: MetadataStore,
    readonly accounts: AccountStore,
    readonly consent: ConsentStore,
    readonly audience: AudienceStore,
    readonly texts: PortalTextsStore,
    readonly settings: PortalSettingsStore,
    readonly imports: ImportStore,
    readonly quotas: QuotaStore,
    readonly changes: ChangeFeed,
    readonly schemas: SchemaStore,
    private readonly datasets: DatasetRepository,
    private readonly versions: VersionRepository,
    private readonly readers: ReaderPool,
    private readonly queryTimeoutMs: number,
    private readonly exportRangeRows: number,
    private readonly indexBuilds: IndexBuilds,
  ) {}

  async query(query: SqlQuery, options: QueryOptions = {}): Promise<unknown[][]> {
    const lease = await this.readers.acquire();
    try {
      const reply = await lease.exchange(
        { kind: 'query', sql: query.sql, params: query.params },
        options.timeoutMs ?? this.queryTimeoutMs,
      );
      return reply.kind === 'rows' ? reply.rows : [];
    } finally {
      lease.release();
    }
  }

  async readSummary(table: string, statement: SqlQuery): Promise<unknown[][] | null> {
    this.assertOpen();
    const summaries = quoteName(summaryTableName(table));
    let text: unknown;
    try {
      text = this.db
        .prepare(`SELECT rows FROM ${summaries} WHERE key = ?`)
        .pluck()
        .get(statementKey(statement));
    } catch {
      return null; // A version committed before summaries existed has no such table.
    }
    return typeof text === 'string' ? summaryRows(text) : null;
  }

  /** The time limit applies to each batch, not to the consumer's time between batches. */
  async *stream(query: SqlQuery, options: StreamOptions = {}): AsyncIterable<unknown[][]> {
    const timeoutMs = options.timeoutMs ?? this.queryTimeoutMs;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const lease = await this.readers.acquire();
    const request = { kind: 'stream', sql: query.sql, params: query.params, batchSize } as const;
    for await (const reply of leaseStream(lease, request, timeoutMs)) {
      if (reply.kind === 'rows' && reply.rows.length > 0) yield reply.rows;
    }
  }

  /**
   * Rows are encoded in the reader threads; a ranged query is read by two readers at once when
   * a second one is free, each reading every other range of row ids (unless the encoding is
   * sequential).
   */
  async *streamEncoded(
    query: EncodedQuery,
    encoding: RowEncoding,
    options: StreamOptions = {},
  ): AsyncIterable<EncodedChunk> {
    const timeoutMs = options.timeoutMs ?? this.queryTimeoutMs;
    // The reader threads have no TypeScript loader: they import the encoder bundled.
    encoding = { ...encoding, module: await bundledModuleUrl(encoding.module) };
    if (query.ranged && !encoding.sequential) {
      const range = { rows: this.exportRangeRows, timeoutMs };
      yield* rangedExport(this.readers, query.ranged, encoding, range);
      return;
    }
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const lease = await this.readers.acquire();
    const request = {
      kind: 'stream',
      sql: query.sql,
      params: query.params,
      batchSize,
      encoding,
    } as const;
    for await (const reply of leaseStream(lease, request, timeoutMs)) {
      if (reply.kind === 'bytes' && reply.rows > 0) {
        yield { bytes: reply.bytes, rows: reply.rows, meta: reply.meta };
      }
    }
  }

  async queryScratch(table: ScratchTable, queries: SqlQuery[]): Promise<unknown[][][]> {
    this.assertOpen();
    return queryScratchTable(table, queries);
  }

  async beginVersion(input: BeginVersionInput): Promise<VersionWriter> {
    this.assertOpen();
    // Another load's index builder holds the write lock: wait for it here, not in SQLite.
    await this.indexBuilds.idle();
    const version = this.db
      .transaction(() => {
        if (!this.datasets.exists(input.datasetId)) {
          throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: input.datasetId });
        }
        const created = this.versions.insertLoading(input, recordTableName);
        this.db.exec(createTableSql(created.table, created.fields));
        const fts = createFtsSql(created.table, created.fields);
        if (fts !== null) this.db.exec(fts);
        return created;
      })
      .immediate();
    return writerWithNotices(
      new SqliteVersionWriter(
        this.db,
        this.versions,
        version,
        (query) =>
          // A commit may take longer than one request's query: ten times its limit.
          this.query(query, { timeoutMs: this.queryTimeoutMs * 10 }),
        this.indexBuilds,
      ),
      this.changes,
    );
  }

  async recoverDeadLoads(): Promise<number[]> {
    this.assertOpen();
    return recoverAbandonedLoads(this.db, this.versions);
  }

  async backup(path: string): Promise<void> {
    this.assertOpen();
    mkdirSync(dirname(path), { recursive: true });
    await this.db.backup(path);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.readers.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new PortalError('DG_ERR_STORAGE_UNAVAILABLE', { detail: 'the store is closed' });
    }
  }
}
