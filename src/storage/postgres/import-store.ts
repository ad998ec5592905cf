// The ImportStore in the engine's PostgreSQL schema. The unique partial index
// `import_jobs_one_active` refuses a second queued or running job of a dataset across processes;
// a scheduled run is claimed by a conditional UPDATE that only one process wins. A running job's
// lease is a session advisory lock held on a connection of its own: when the process dies, the
// server closes that connection and frees the lock, and any process sees the job is orphaned.

import pg from 'pg';

import { PortalError } from '../../core/errors.ts';
import type {
  DatasetSource,
  DatasetSourceInput,
  ImportJob,
  ImportJobInput,
  ImportJobResult,
} from '../../core/import-job.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import type { ImportStore, JobLease, LeaseState } from '../import-store.ts';
import type { JobRow, SourceRow } from '../import-rows.ts';
import { toJob, toSource } from '../import-rows.ts';
import type { PoolSettings } from './connection.ts';
import { clientConfig } from './connection.ts';
import { qualified } from './quote.ts';

const UNIQUE_VIOLATION = '23505';

/** The advisory lock of a job's lease (two int4 keys; versions' loads use another namespace). */
export function jobLockArgs(schema: string, jobId: number): string {
  const namespace = `'datagora:job:${schema}'`;
  return `hashtext(${namespace}), (${Math.trunc(jobId)} % 2147483647)::int`;
}

export class PostgresImportStore implements ImportStore {
  private readonly sources: string;
  private readonly jobs: string;
  /** The connections holding this engine's leases. */
  private readonly leases = new Set<pg.Client>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: PoolSettings,
  ) {
    const { schema } = settings;
    this.sources = qualified(schema, 'dataset_sources');
    this.jobs = qualified(schema, 'import_jobs');
  }

  async getSource(datasetId: string): Promise<DatasetSource | null> {
    const { rows } = await this.pool.query<SourceRow>(
      `SELECT * FROM ${this.sources} WHERE dataset_id = $1`,
      [datasetId],
    );
    return rows[0] ? toSource(rows[0]) : null;
  }

  async saveSource(input: DatasetSourceInput): Promise<DatasetSource> {
    const { rows } = await this.pool.query<SourceRow>(
      `INSERT INTO ${this.sources} (dataset_id, kind, location, file_name, size, options,
         schedule, next_run_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (dataset_id) DO UPDATE SET kind = excluded.kind,
         location = excluded.location, file_name = excluded.file_name, size = excluded.size,
         options = excluded.options, schedule = excluded.schedule,
         next_run_at = excluded.next_run_at, updated_at = excluded.updated_at
       RETURNING *`,
      [
        input.datasetId,
        input.kind,
        input.location,
        input.fileName,
        input.size,
        JSON.stringify(input.options),
        input.schedule,
        input.nextRunAt,
      ],
    );
    return toSource(rows[0]!);
  }

  async saveProcessors(
    datasetId: string,
    processors: ProcessorConfig[],
  ): Promise<DatasetSource | null> {
    const { rows } = await this.pool.query<SourceRow>(
      `UPDATE ${this.sources} SET processors = $1 WHERE dataset_id = $2 RETURNING *`,
      [JSON.stringify(processors), datasetId],
    );
    return rows[0] ? toSource(rows[0]) : null;
  }

  async dueSources(now: string): Promise<DatasetSource[]> {
    const { rows } = await this.pool.query<SourceRow>(
      `SELECT * FROM ${this.sources} WHERE next_run_at IS NOT NULL AND next_run_at <= $1
       ORDER BY next_run_at, dataset_id`,
      [now],
    );
    return rows.map(toSource);
  }

  async claimScheduledRun(
    datasetId: string,
    dueAt: string,
    nextRunAt: string | null,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.sources} SET next_run_at = $1 WHERE dataset_id = $2 AND next_run_at = $3`,
      [nextRunAt, datasetId, dueAt],
    );
    return result.rowCount === 1;
  }

  async createJob(input: ImportJobInput): Promise<ImportJob> {
    try {
      const { rows } = await this.pool.query<JobRow>(
        `INSERT INTO ${this.jobs} (dataset_id, state, trigger, created_by)
         VALUES ($1, 'queued', $2, $3) RETURNING *`,
        [input.datasetId, input.trigger, input.createdBy],
      );
      return toJob(rows[0]!);
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      throw new PortalError('DG_ERR_IMPORT_BUSY', { dataset_id: input.datasetId });
    }
  }

  async startJob(id: number, owner: string): Promise<ImportJob | null> {
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE ${this.jobs} SET state = 'running', owner = $1, started_at = now(),
         heartbeat_at = now()
       WHERE id = $2 AND state = 'queued' RETURNING *`,
      [owner, id],
    );
    return rows[0] ? toJob(rows[0]) : null;
  }

  async reportProgress(id: number, rowsRead: number, rowsRejected: number): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.jobs} SET rows_read = $1, rows_rejected = $2, heartbeat_at = now()
       WHERE id = $3 AND state = 'running'`,
      [rowsRead, rowsRejected, id],
    );
  }

  async finishJob(id: number, result: ImportJobResult): Promise<ImportJob | null> {
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE ${this.jobs} SET state = $1, rows_read = $2, rows_rejected = $3, issues = $4,
         issue_count = $5, version_id = $6, error = $7, ended_at = now()
       WHERE id = $8 AND state IN ('queued', 'running') RETURNING *`,
      [
        result.state,
        result.rowsRead,
        result.rowsRejected,
        JSON.stringify(result.issues),
        result.issueCount,
        result.versionId,
        result.error,
        id,
      ],
    );
    return rows[0] ? toJob(rows[0]) : null;
  }

  async getJob(id: number): Promise<ImportJob | null> {
    const { rows } = await this.pool.query<JobRow>(`SELECT * FROM ${this.jobs} WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async listJobs(datasetId: string, limit: number): Promise<ImportJob[]> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT * FROM ${this.jobs} WHERE dataset_id = $1 ORDER BY id DESC LIMIT $2`,
      [datasetId, limit],
    );
    return rows.map(toJob);
  }

  async activeJobs(): Promise<ImportJob[]> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT * FROM ${this.jobs} WHERE state IN ('queued', 'running') ORDER BY id`,
    );
    return rows.map(toJob);
  }

  async takeLease(jobId: number): Promise<JobLease> {
    const client = new pg.Client(clientConfig({ ...this.settings, statementTimeoutMs: 0 }));
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ taken: boolean }>(
        `SELECT pg_try_advisory_lock(${jobLockArgs(this.settings.schema, jobId)}) AS taken`,
      );
      if (!rows[0]?.taken) throw new Error(`the lease of import job ${jobId} is already held`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.leases.add(client);
    return {
      release: async () => {
        if (!this.leases.delete(client)) return;
        await client.end().catch(() => undefined);
      },
    };
  }

  async leaseState(jobId: number): Promise<LeaseState> {
    // A lock taken for the statement only: free means nobody else held it.
    const { rows } = await this.pool.query<{ free: boolean }>(
      `SELECT pg_try_advisory_xact_lock(${jobLockArgs(this.settings.schema, jobId)}) AS free`,
    );
    return rows[0]?.free ? 'free' : 'held';
  }

  /** Ends the lease connections (the engine closes). */
  async close(): Promise<void> {
    const clients = [...this.leases];
    this.leases.clear();
    await Promise.allSettled(clients.map((client) => client.end()));
  }
}
