// The storage contract: what services may ask of a store, whatever the engine behind it.
// Services import this file (and only this file) from storage/.

import type { AccountStore } from './account-store.ts';
import type { AudienceStore } from './audience-store.ts';
import type { ConsentStore } from './consent-store.ts';
import type { PortalSettingsStore } from './portal-settings-store.ts';
import type { ImportStore } from './import-store.ts';
import type { ChangeFeed } from './change-feed.ts';
import type { QuotaStore } from './quota-store.ts';
import type { SchemaStore } from './schema-store.ts';
import type { PortalTextsStore } from './portal-texts-store.ts';
import type {
  ActivityEntry,
  ActivityInput,
  ActivityPage,
  ActivityQuery,
} from '../core/activity.ts';
import type { AttachmentInput, Attachment } from '../core/attachment.ts';
import type { Row } from '../core/cell.ts';
import type { EncodedChunk, RowEncoding } from '../core/row-encoding.ts';
import type { Dataset, DatasetVersion, DefaultMetas, Visibility } from '../core/dataset.ts';
import type { Field } from '../core/field.ts';

export type EngineName = 'sqlite' | 'postgres';

/** A statement with its bound parameters; values never appear in `sql`. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/**
 * The same query restricted to a range of row ids, for a query whose rows come from one table
 * in row id order and are all read (no limit): disjoint ranges can be read apart, then joined.
 */
export interface RangedQuery {
  /** The statement, with the range's bounds as parameters `fromParam` (≥) and `toParam` (<). */
  sql: string;
  params: unknown[];
  fromParam: number;
  toParam: number;
  /** One row: the table's smallest and largest row ids (null when it is empty). */
  boundsSql: string;
  /** The table the rows are read from (what its load learnt of it: the plain text columns). */
  table?: string;
}

export interface EncodedQuery extends SqlQuery {
  /** How an engine may read the rows by ranges, when it can. */
  ranged?: RangedQuery;
}

export interface QueryOptions {
  /** Stop the query after this many milliseconds (DG_ERR_QUERY_TIMEOUT). */
  timeoutMs?: number;
}

export interface StreamOptions extends QueryOptions {
  /** Rows per batch (default 1000). */
  batchSize?: number;
}

/** A small table built for one call (the catalog's metadata as rows), then dropped. */
export interface ScratchTable {
  /** The name the queries use; it shadows no dataset table. */
  name: string;
  fields: Field[];
  /** Typed cells in field order, as `VersionWriter.append` takes them. */
  rows: Row[];
}

export interface DatasetInput {
  id: string;
  metas: DefaultMetas;
  visibility?: Visibility;
  /** On creation, true unless false is given; on update, unchanged unless given. */
  published?: boolean;
  /** On creation, null unless given; on update, unchanged unless given. */
  ownerId?: string | null;
}

/** What a rollback did: the version that was current, and the one that is now. */
export interface Rollback {
  from: DatasetVersion;
  to: DatasetVersion;
}

/** Portal metadata: datasets and their versions. */
export interface MetadataStore {
  listDatasets(): Promise<Dataset[]>;
  getDataset(id: string): Promise<Dataset | null>;
  /** Creates the dataset, or updates its metadata if it exists. */
  saveDataset(input: DatasetInput): Promise<Dataset>;
  listVersions(datasetId: string): Promise<DatasetVersion[]>;
  /** Adds an attachment to a dataset, or replaces the one with the same id. */
  saveAttachment(input: AttachmentInput): Promise<Attachment>;
  /** Removes an attachment's row; false when the dataset has none with this id. */
  deleteAttachment(datasetId: string, id: string): Promise<boolean>;
  /** The newest version of each dataset that has one (whatever its status), by dataset id. */
  latestVersions(): Promise<Map<string, DatasetVersion>>;
  /** Publishes or unpublishes a dataset (DG_ERR_DATASET_NOT_FOUND when unknown). */
  setPublished(id: string, published: boolean): Promise<Dataset>;
  /**
   * Deletes a dataset with its versions (their tables dropped), attachments' rows, grants and
   * editors' rights; returns what it was (DG_ERR_DATASET_NOT_FOUND when unknown). Attachment
   * files are the caller's to remove.
   */
  deleteDataset(id: string): Promise<Dataset>;
  /**
   * In one transaction, makes current again the newest retired version older than the current
   * one whose table is still kept, and retires the current one (DG_ERR_DATASET_NOT_FOUND,
   * DG_ERR_DATASET_NO_PREVIOUS_VERSION).
   */
  rollbackDataset(id: string): Promise<Rollback>;
  appendActivity(input: ActivityInput): Promise<ActivityEntry>;
  listActivity(query: ActivityQuery): Promise<ActivityPage>;
}

/** A new version being loaded beside the current one; invisible until committed. */
export interface VersionWriter {
  readonly version: DatasetVersion;
  /** Appends records (cells in field order). May return a promise to apply back-pressure. */
  append(rows: Row[]): void | Promise<void>;
  /**
   * Builds indexes, keeps the version's summaries (`readSummary`), then makes this version
   * current in one transaction.
   */
  commit(): Promise<DatasetVersion>;
  /** Drops what was loaded; the current version stays as it was. */
  abort(reason: string): Promise<void>;
}

export interface BeginVersionInput {
  datasetId: string;
  fields: Field[];
  source: string | null;
  /** The user who starts the load (null or absent: the portal itself). */
  createdBy?: string | null;
}

export type * from './account-store.ts';
export type * from './consent-store.ts';
export type * from './audience-store.ts';
export type * from './portal-texts-store.ts';
export type * from './portal-settings-store.ts';
export type * from './import-store.ts';
export type * from './quota-store.ts';
export type * from './change-feed.ts';
export type * from './schema-store.ts';

export interface StorageEngine {
  readonly name: EngineName;
  readonly metadata: MetadataStore;
  /** Users, groups, grants, sessions, API keys and sign-in failures. */
  readonly accounts: AccountStore;
  /** Third-party services, consent policy versions and the proof-of-consent log. */
  readonly consent: ConsentStore;
  /** The portal's own audience counters (hourly aggregates only). */
  readonly audience: AudienceStore;
  /** The Markdown texts administrators write around generated pages. */
  readonly texts: PortalTextsStore;
  /** The portal settings administrators change in the back office, and the logo. */
  readonly settings: PortalSettingsStore;
  /** Dataset sources (file or URL, refresh schedule) and background import jobs. */
  readonly imports: ImportStore;
  /** The API calls of each caller per day, shared by every process of the store. */
  readonly quotas: QuotaStore;
  /** Changes every process of the store hears of, to drop what it keeps in memory. */
  readonly changes: ChangeFeed;
  /** The schema editor's edits of each dataset's fields, and in-place field changes. */
  readonly schemas: SchemaStore;
  /**
   * Runs a read query on dataset tables, off the main thread; rows come back as arrays.
   * Raw values by column kind: text → string; text_list → JSON array text (SQLite) or string[]
   * (PostgreSQL); integer/real → number; boolean → 0/1 or boolean; date → 'YYYY-MM-DD';
   * datetime → epoch milliseconds (number); json → JSON text or parsed value.
   */
  query(query: SqlQuery, options?: QueryOptions): Promise<unknown[][]>;
  /**
   * The rows `statement` gave when the version whose table is `table` was committed, if the
   * commit kept them (`version-summaries.ts`: the unfiltered facets of its facet fields), else
   * null. They are exactly what `query` would return for it on that table.
   */
  readSummary(table: string, statement: SqlQuery): Promise<unknown[][] | null>;
  /** Streams the rows of a read query in batches, with back-pressure. */
  stream(query: SqlQuery, options?: StreamOptions): AsyncIterable<unknown[][]>;
  /**
   * Streams the rows of a read query encoded where they are read: each chunk holds whole rows
   * (text: the encoding's separator between them and its terminator after each; the caller
   * writes the separator between two chunks). Chunks are never empty.
   */
  streamEncoded(
    query: EncodedQuery,
    encoding: RowEncoding,
    options?: StreamOptions,
  ): AsyncIterable<EncodedChunk>;
  /**
   * Builds `table` where only this call sees it (with its full-text index), runs `queries` on
   * it in the engine's dialect (rows as `query` returns them), then drops it.
   */
  queryScratch(
    table: ScratchTable,
    queries: SqlQuery[],
    options?: QueryOptions,
  ): Promise<unknown[][][]>;
  beginVersion(input: BeginVersionInput): Promise<VersionWriter>;
  /**
   * Marks failed the versions left `loading` by a process that died, and drops their tables
   * (done at open; a running portal calls it again now and then). Returns their ids.
   */
  recoverDeadLoads(): Promise<number[]>;
  /** Writes a consistent copy of the whole store to `path` while it keeps serving. */
  backup(path: string): Promise<void>;
  close(): Promise<void>;
}
