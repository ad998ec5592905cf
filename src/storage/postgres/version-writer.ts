// Loads a new version of a dataset beside the current one.
//
// Each writer has its own connection. It numbers the version, takes a session advisory lock that
// says "this load is alive", and records the version as `loading`. Then, in ONE transaction, it
// creates the records table, streams the rows in with COPY (FREEZE, since the table is new in this
// transaction), builds the indexes, analyses the table, keeps its summaries (the unfiltered facet
// counts, `version-summaries.ts`), and switches the dataset to the new version. If the process dies, the server rolls that transaction back: the table disappears and
// the previous version stays current. Only the `loading` row remains, which recovery marks failed.

import { hostname } from 'node:os';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CopyStreamQuery } from 'pg-copy-streams';

import type { Row } from '../../core/cell.ts';
import type { DatasetVersion } from '../../core/dataset.ts';
import { PortalError } from '../../core/errors.ts';
import { ftsLanguageOf } from '../../odsql/index.ts';
import type { BeginVersionInput, VersionWriter } from '../engine.ts';
import type { PoolSettings } from './connection.ts';
import { clientConfig } from './connection.ts';
import { loadError, storageError } from './errors.ts';
import type { VersionRow } from './metadata-rows.ts';
import { VERSION_COLUMNS, toVersion } from './metadata-rows.ts';
import { qualified } from './quote.ts';
import {
  checkFields,
  copyColumnList,
  createIndexSqls,
  createSummarySql,
  createTableSql,
  dropVersionTablesSql,
  recordTableName,
} from './record-table.ts';
import { summaryTableName } from '../../core/columns.ts';
import { summaryStatements, summaryText } from '../version-summaries.ts';
import type { RowEncoder } from './row-encoder.ts';
import { createRowEncoder } from './row-encoder.ts';

/** Retired versions kept (with their tables) besides the current one. */
export const RETIRED_VERSIONS_KEPT = 2;

/** Identifies the loading process: `<hostname>:<pid>`. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/** The advisory lock a writer holds for as long as its load is alive (two int4 keys). */
export function loadLockArgs(schema: string, versionId: number): string {
  return `hashtext('datagora:load:' || ${literal(schema)}), (${versionId} % 2147483647)::int`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export interface WriterContext {
  settings: PoolSettings;
  /** Pool used to mark a version failed once the writer's own connection is gone. */
  pool: pg.Pool;
  /** Called when the writer is committed or aborted. */
  settled(writer: PostgresVersionWriter): void;
}

type State = 'loading' | 'committing' | 'committed' | 'aborted';

export async function beginPostgresVersion(
  context: WriterContext,
  input: BeginVersionInput,
): Promise<PostgresVersionWriter> {
  checkFields(input.fields);
  const { schema } = context.settings;
  const versions = qualified(schema, 'dataset_versions');
  const client = new pg.Client(clientConfig({ ...context.settings, statementTimeoutMs: 0 }));
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw storageError(error);
  }
  let inserted: number | null = null;
  try {
    const next = await client.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id`,
      [versions],
    );
    const id = next.rows[0]!.id;
    await client.query(`SELECT pg_advisory_lock(${loadLockArgs(schema, id)})`);
    const dataset = await client.query<{ language: string | null }>(
      `SELECT metas->>'language' AS language FROM ${qualified(schema, 'datasets')} WHERE id = $1`,
      [input.datasetId],
    );
    const language = ftsLanguageOf(dataset.rows[0]?.language);
    const created = await client.query<VersionRow>(
      `INSERT INTO ${versions} (id, dataset_id, table_name, fields, status, source, owner, created_by)
       SELECT $1, id, $2, $3, 'loading', $4, $5, $7 FROM ${qualified(schema, 'datasets')} WHERE id = $6
       RETURNING ${VERSION_COLUMNS}`,
      [
        id,
        recordTableName(id),
        JSON.stringify(input.fields),
        input.source,
        processOwner(),
        input.datasetId,
        input.createdBy ?? null,
      ],
    );
    const row = created.rows[0];
    if (!row) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: input.datasetId });
    inserted = row.id;
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query('BEGIN');
    await client.query(createTableSql(schema, row.table_name, input.fields, language));
    const copy = client.query(
      copyFrom(
        `COPY ${qualified(schema, row.table_name)} (${copyColumnList(input.fields)}) ` +
          'FROM STDIN WITH (FORMAT text, FREEZE true)',
      ),
    );
    return new PostgresVersionWriter(context, client, copy, toVersion(row));
  } catch (error) {
    await client.end().catch(() => undefined);
    const failure = storageError(error);
    if (inserted !== null) {
      await context.pool
        .query(
          `UPDATE ${versions} SET status = 'failed', error = $2, owner = NULL
           WHERE id = $1 AND status = 'loading'`,
          [inserted, failure.message],
        )
        .catch(() => undefined);
    }
    throw failure;
  }
}

export class PostgresVersionWriter implements VersionWriter {
  private state: State = 'loading';
  private failure: unknown = null;
  private readonly encoder: RowEncoder;

  constructor(
    private readonly context: WriterContext,
    private readonly client: pg.Client,
    private readonly copy: CopyStreamQuery,
    readonly version: DatasetVersion,
  ) {
    this.encoder = createRowEncoder(version.fields);
    copy.on('error', (error: unknown) => {
      this.failure ??= error;
    });
    // A connection lost mid-load fails the COPY too, so no append waits for a drain forever.
    client.on('error', (error: Error) => {
      this.failure ??= error;
      if (!copy.destroyed) copy.destroy(error);
    });
  }

  append(rows: Row[]): void | Promise<void> {
    this.checkLoading();
    if (rows.length === 0) return;
    let text: string;
    try {
      text = this.encoder.encode(rows);
    } catch (error) {
      throw new PortalError(
        'DG_ERR_IMPORT_UNREADABLE',
        { detail: error instanceof Error ? error.message : String(error) },
        { cause: error },
      );
    }
    if (this.copy.write(text)) return;
    return new Promise((resolve, reject) => {
      const done = (error?: unknown) => {
        this.copy.off('drain', done);
        this.copy.off('error', done);
        this.copy.off('close', done);
        if (this.failure !== null) reject(loadError(this.failure));
        else if (error !== undefined) reject(loadError(error));
        else resolve();
      };
      this.copy.on('drain', done);
      this.copy.on('error', done);
      this.copy.on('close', done);
    });
  }

  async commit(): Promise<DatasetVersion> {
    if (this.state !== 'loading') throw new Error(`the version is ${this.state}, not loading`);
    this.state = 'committing';
    const { schema } = this.context.settings;
    const versions = qualified(schema, 'dataset_versions');
    const datasets = qualified(schema, 'datasets');
    const table = this.version.table;
    const id = this.version.id;
    try {
      await this.endCopy();
      for (const sql of createIndexSqls(schema, table, this.version.fields)) {
        await this.client.query(sql);
      }
      await this.client.query(`ANALYZE ${qualified(schema, table)}`);
      await this.storeSummaries();
      const current = await this.client.query<{ current_version_id: number | null }>(
        `SELECT current_version_id FROM ${datasets} WHERE id = $1 FOR UPDATE`,
        [this.version.datasetId],
      );
      const previous = current.rows[0]?.current_version_id ?? null;
      const ready = await this.client.query<VersionRow>(
        `UPDATE ${versions}
         SET status = 'ready', records_count = $2, committed_at = now(), owner = NULL
         WHERE id = $1 AND status = 'loading'
         RETURNING ${VERSION_COLUMNS}`,
        [id, this.encoder.count],
      );
      if (ready.rowCount !== 1) throw new Error(`version ${id} is no longer loading`);
      if (previous !== null && previous !== id) {
        await this.client.query(`UPDATE ${versions} SET status = 'retired' WHERE id = $1`, [
          previous,
        ]);
      }
      await this.client.query(
        `UPDATE ${datasets}
         SET current_version_id = $2, data_processed_at = now(), modified_at = now()
         WHERE id = $1`,
        [this.version.datasetId, id],
      );
      await this.client.query('COMMIT');
      this.state = 'committed';
      await this.dropOldTables().catch(() => undefined);
      return toVersion(ready.rows[0]!);
    } catch (error) {
      const failure = loadError(this.failure ?? error);
      await this.fail(failure.message);
      throw failure;
    } finally {
      await this.client.end().catch(() => undefined);
      this.context.settled(this);
    }
  }

  async abort(reason: string): Promise<void> {
    if (this.state === 'committed' || this.state === 'aborted') return;
    if (this.state === 'committing') throw new Error('the version is being committed');
    await this.fail(reason);
    this.context.settled(this);
  }

  /** Ends the load: closing the connection rolls the table back; the version is marked failed. */
  private async fail(reason: string): Promise<void> {
    this.state = 'aborted';
    await closeConnection(this.client);
    await this.context.pool
      .query(
        `UPDATE ${qualified(this.context.settings.schema, 'dataset_versions')}
         SET status = 'failed', error = $2, owner = NULL WHERE id = $1 AND status = 'loading'`,
        [this.version.id, reason],
      )
      .catch(() => undefined);
    await this.context.pool
      .query(dropVersionTablesSql(this.context.settings.schema, this.version.table))
      .catch(() => undefined);
  }

  /**
   * Runs the version's summary statements in the load's transaction and keeps their rows. One
   * that fails is rolled back to its savepoint and left out: a summary only spares a later query.
   */
  private async storeSummaries(): Promise<void> {
    const { schema } = this.context.settings;
    const { table, fields } = this.version;
    const summaries = qualified(schema, summaryTableName(table));
    await this.client.query(createSummarySql(schema, table));
    for (const { key, query } of summaryStatements(table, fields, 'postgres')) {
      await this.client.query('SAVEPOINT summary');
      try {
        const result = await this.client.query<unknown[]>({
          text: query.sql,
          values: query.params,
          rowMode: 'array',
          queryMode: 'extended',
        } as pg.QueryArrayConfig);
        const text = summaryText(result.rows);
        if (text !== null) {
          await this.client.query(`INSERT INTO ${summaries} (key, rows) VALUES ($1, $2)`, [
            key,
            text,
          ]);
        }
        await this.client.query('RELEASE SAVEPOINT summary');
      } catch (error) {
        if (this.failure !== null) throw error;
        await this.client.query('ROLLBACK TO SAVEPOINT summary');
      }
    }
  }

  private checkLoading(): void {
    if (this.failure !== null) throw loadError(this.failure);
    if (this.state !== 'loading') throw new Error(`the version is ${this.state}, not loading`);
  }

  private endCopy(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.copy.once('finish', resolve);
      this.copy.once('error', reject);
      this.copy.end();
    });
  }

  /** Drops the tables of retired versions older than the ones kept (they stay listed). */
  private async dropOldTables(): Promise<void> {
    const { schema } = this.context.settings;
    const old = await this.client.query<{ table_name: string }>(
      `SELECT table_name FROM ${qualified(schema, 'dataset_versions')}
       WHERE dataset_id = $1 AND status = 'retired'
       ORDER BY id DESC OFFSET ${RETIRED_VERSIONS_KEPT}`,
      [this.version.datasetId],
    );
    await this.client.query(`SET lock_timeout = '5s'`);
    for (const { table_name } of old.rows) {
      await this.client.query(dropVersionTablesSql(schema, table_name));
    }
  }
}

/** Closes a connection, even in the middle of a COPY. */
async function closeConnection(client: pg.Client): Promise<void> {
  const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection
    ?.stream;
  const ended = client.end().catch(() => undefined);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
  await Promise.race([ended, timeout]);
  socket?.destroy();
}
