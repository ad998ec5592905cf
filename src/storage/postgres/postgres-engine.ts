// The PostgreSQL storage engine: metadata, versioned record tables loaded by COPY, read queries
// with server-side time limits, streaming through cursors, and backups with pg_dump.

import type pg from 'pg';

import { PortalError } from '../../core/errors.ts';
import type { EncodedChunk, RowEncoding } from '../../core/row-encoding.ts';
import { bundledModuleUrl } from '../../util/bundle-module.ts';
import { encodeBatches } from '../encode-rows.ts';
import type {
  EncodedQuery,
  BeginVersionInput,
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
import { backupWithPgDump } from './backup.ts';
import type { PoolSettings } from './connection.ts';
import { createPool } from './connection.ts';
import { storageError } from './errors.ts';
import { PostgresAccountStore } from './account-store.ts';
import { PostgresAudienceStore } from './audience-store.ts';
import { PostgresConsentStore } from './consent-store.ts';
import { PostgresPortalSettingsStore } from './portal-settings-store.ts';
import { PostgresPortalTextsStore } from './portal-texts-store.ts';
import { PostgresImportStore } from './import-store.ts';
import type { ImportStore } from '../import-store.ts';
import type { QuotaStore } from '../quota-store.ts';
import {
  accountsWithNotices,
  consentWithNotices,
  metadataWithNotices,
  schemasWithNotices,
  settingsWithNotices,
  writerWithNotices,
} from '../change-notices.ts';
import { PostgresChangeFeed } from './change-feed.ts';
import { keptDatasets } from './kept-datasets.ts';
import { PostgresQuotaStore } from './quota-store.ts';
import type { SchemaStore } from '../schema-store.ts';
import { PostgresSchemaStore } from './schema-store.ts';
import { PostgresMetadataStore } from './metadata-store.ts';
import { migrate } from './migrate.ts';
import { isValidSchemaName, quoteIdent } from './quote.ts';
import { summaryTableName } from '../../core/columns.ts';
import { statementKey, summaryRows } from '../version-summaries.ts';
import { ReadQueries } from './read-queries.ts';
import { ReplicaReads } from './replica-reads.ts';
import { recoverDeadLoads } from './recovery.ts';
import { queryScratchTable } from './scratch-table.ts';
import type { PostgresVersionWriter } from './version-writer.ts';
import { beginPostgresVersion } from './version-writer.ts';

export interface PostgresEngineOptions {
  /** A `postgres://user:password@host:port/database` URL. */
  url: string;
  /** The schema that holds the portal (created if missing); default `public`. */
  schema?: string;
  /** Default time limit of read queries, in milliseconds; default 30 000. */
  queryTimeoutMs?: number;
  /** Connections of the read pool; default 10. */
  poolSize?: number;
  /**
   * A read replica of the same database: dataset queries go there (with `poolSize`
   * connections), metadata and writes stay on `url`.
   */
  replicaUrl?: string | null;
}

const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
const DEFAULT_POOL_SIZE = 10;
/** Connections for metadata reads and writes (loads have their own connection each). */
const METADATA_POOL_SIZE = 3;

export async function openPostgresEngine(options: PostgresEngineOptions): Promise<StorageEngine> {
  const schema = options.schema ?? 'public';
  if (!isValidSchemaName(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}": use lowercase letters, digits, _`);
  }
  const queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const base = { url: options.url, schema };
  const writeSettings: PoolSettings = {
    ...base,
    max: METADATA_POOL_SIZE,
    statementTimeoutMs: 0,
    readOnly: false,
  };
  const writePool = createPool(writeSettings);
  const readPool = createPool({
    ...base,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    statementTimeoutMs: queryTimeoutMs,
    readOnly: true,
  });
  try {
    const client = await writePool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
    await recoverDeadLoads(writePool, schema);
  } catch (error) {
    await Promise.allSettled([writePool.end(), readPool.end()]);
    throw storageError(error);
  }
  const changes = new PostgresChangeFeed(writeSettings, writePool);
  try {
    await changes.start();
  } catch (error) {
    await Promise.allSettled([writePool.end(), readPool.end()]);
    throw storageError(error);
  }
  const engine = new PostgresEngine(writeSettings, writePool, readPool, queryTimeoutMs, changes);
  if (options.replicaUrl) {
    engine.useReplica({
      url: options.replicaUrl,
      schema,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      statementTimeoutMs: queryTimeoutMs,
    });
  }
  return engine;
}

class PostgresEngine implements StorageEngine {
  readonly name = 'postgres' as const;
  readonly metadata: MetadataStore;
  readonly accounts: AccountStore;
  readonly consent: ConsentStore;
  readonly audience: AudienceStore;
  readonly texts: PortalTextsStore;
  readonly settings: PortalSettingsStore;
  readonly imports: ImportStore;
  readonly quotas: QuotaStore;
  private readonly importStore: PostgresImportStore;
  readonly schemas: SchemaStore;
  private readonly primaryReads: ReadQueries;
  /** Where dataset queries go: the primary's read pool, or a replica with fallback. */
  private reads: ReadQueries | ReplicaReads;
  private replica: ReplicaReads | null = null;
  private readonly writers = new Set<PostgresVersionWriter>();
  /** Tables found without a summary table (committed before summaries): none is added later. */
  private readonly withoutSummary = new Set<string>();
  private closed = false;

  constructor(
    private readonly poolSettings: PoolSettings,
    private readonly writePool: pg.Pool,
    private readonly readPool: pg.Pool,
    private readonly queryTimeoutMs: number,
    readonly changes: PostgresChangeFeed,
  ) {
    const { schema } = poolSettings;
    this.metadata = metadataWithNotices(
      keptDatasets(new PostgresMetadataStore(writePool, schema), changes),
      changes,
    );
    this.accounts = accountsWithNotices(new PostgresAccountStore(writePool, schema), changes);
    this.consent = consentWithNotices(new PostgresConsentStore(writePool, schema), changes);
    this.audience = new PostgresAudienceStore(writePool, schema);
    this.texts = new PostgresPortalTextsStore(writePool, schema);
    this.settings = settingsWithNotices(
      new PostgresPortalSettingsStore(writePool, schema),
      changes,
    );
    this.importStore = new PostgresImportStore(writePool, poolSettings);
    this.imports = this.importStore;
    this.quotas = new PostgresQuotaStore(writePool, schema);
    this.schemas = schemasWithNotices(new PostgresSchemaStore(writePool, schema), changes);
    this.primaryReads = new ReadQueries(readPool, queryTimeoutMs, (pid) =>
      writePool.query('SELECT pg_cancel_backend($1)', [pid]),
    );
    this.reads = this.primaryReads;
  }

  /** Sends dataset queries to a read replica from now on. */
  useReplica(settings: ConstructorParameters<typeof ReplicaReads>[0]): void {
    this.replica = new ReplicaReads(settings, this.primaryReads);
    this.reads = this.replica;
  }

  async query(query: SqlQuery, options?: QueryOptions): Promise<unknown[][]> {
    this.checkOpen();
    return this.reads.query(query, options);
  }

  /** Read on the primary (a small keyed row); versions committed before summaries have none. */
  async readSummary(table: string, statement: SqlQuery): Promise<unknown[][] | null> {
    this.checkOpen();
    if (this.withoutSummary.has(table)) return null;
    const exists = await this.primaryReads.query({
      sql: 'SELECT to_regclass($1) IS NOT NULL',
      params: [quoteIdent(summaryTableName(table))],
    });
    if (exists[0]?.[0] !== true) {
      if (this.withoutSummary.size >= 10_000) this.withoutSummary.clear();
      this.withoutSummary.add(table);
      return null;
    }
    const rows = await this.primaryReads.query({
      sql: `SELECT rows FROM ${quoteIdent(summaryTableName(table))} WHERE key = $1`,
      params: [statementKey(statement)],
    });
    const text = rows[0]?.[0];
    return typeof text === 'string' ? summaryRows(text) : null;
  }

  async *stream(query: SqlQuery, options?: StreamOptions): AsyncIterable<unknown[][]> {
    this.checkOpen();
    yield* this.reads.stream(query, options);
  }

  /** Encoded on the main thread, batch by batch, as they come from the cursor. */
  async *streamEncoded(
    query: EncodedQuery,
    encoding: RowEncoding,
    options?: StreamOptions,
  ): AsyncIterable<EncodedChunk> {
    this.checkOpen();
    // The encoder is imported bundled, as the SQLite readers do: a process started from the
    // bundled start (scripts/start.mjs) has no TypeScript loader.
    const module = await bundledModuleUrl(encoding.module);
    yield* encodeBatches(this.reads.stream(query, options), { ...encoding, module });
  }

  async queryScratch(
    table: ScratchTable,
    queries: SqlQuery[],
    options?: QueryOptions,
  ): Promise<unknown[][][]> {
    this.checkOpen();
    const timeoutMs = options?.timeoutMs ?? this.queryTimeoutMs;
    return queryScratchTable(this.readPool, this.poolSettings.schema, table, queries, timeoutMs);
  }

  async beginVersion(input: BeginVersionInput): Promise<VersionWriter> {
    this.checkOpen();
    const writer = await beginPostgresVersion(
      {
        settings: this.poolSettings,
        pool: this.writePool,
        settled: (done) => this.writers.delete(done),
      },
      input,
    );
    this.writers.add(writer);
    return writerWithNotices(writer, this.changes);
  }

  async recoverDeadLoads(): Promise<number[]> {
    this.checkOpen();
    return recoverDeadLoads(this.writePool, this.poolSettings.schema);
  }

  async backup(path: string): Promise<void> {
    this.checkOpen();
    return backupWithPgDump(this.poolSettings.url, this.poolSettings.schema, path);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.writers].map((w) => w.abort('the storage engine closed')));
    await Promise.allSettled([this.changes.close(), this.importStore.close()]);
    await Promise.allSettled([this.readPool.end(), this.writePool.end(), this.replica?.close()]);
  }

  private checkOpen(): void {
    if (this.closed) {
      throw new PortalError('DG_ERR_STORAGE_UNAVAILABLE', {
        detail: 'the storage engine is closed',
      });
    }
  }
}
