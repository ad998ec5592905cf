// The ImportStore on the SQLite file. The unique partial index `import_jobs_one_active` refuses
// a second queued or running job of a dataset, whichever process asks.

import type Database from 'better-sqlite3';

import { PortalError } from '../../core/errors.ts';
import type {
  DatasetSource,
  DatasetSourceInput,
  ImportJob,
  ImportJobInput,
  ImportJobResult,
} from '../../core/import-job.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { isoNow } from '../../util/iso-now.ts';
import type { ImportStore, JobLease, LeaseState } from '../import-store.ts';
import type { JobRow, SourceRow } from '../import-rows.ts';
import { toJob, toSource } from '../import-rows.ts';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteImportStore implements ImportStore {
  constructor(private readonly db: Database.Database) {}

  async getSource(datasetId: string): Promise<DatasetSource | null> {
    const row = this.db
      .prepare('SELECT * FROM dataset_sources WHERE dataset_id = ?')
      .get(datasetId) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  async saveSource(input: DatasetSourceInput): Promise<DatasetSource> {
    this.db
      .prepare(
        `INSERT INTO dataset_sources (dataset_id, kind, location, file_name, size, options,
           schedule, next_run_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dataset_id) DO UPDATE SET kind = excluded.kind,
           location = excluded.location, file_name = excluded.file_name, size = excluded.size,
           options = excluded.options, schedule = excluded.schedule,
           next_run_at = excluded.next_run_at, updated_at = excluded.updated_at`,
      )
      .run(
        input.datasetId,
        input.kind,
        input.location,
        input.fileName,
        input.size,
        JSON.stringify(input.options),
        input.schedule,
        input.nextRunAt,
        isoNow(),
      );
    return (await this.getSource(input.datasetId))!;
  }

  async saveProcessors(
    datasetId: string,
    processors: ProcessorConfig[],
  ): Promise<DatasetSource | null> {
    this.db
      .prepare('UPDATE dataset_sources SET processors = ? WHERE dataset_id = ?')
      .run(JSON.stringify(processors), datasetId);
    return this.getSource(datasetId);
  }

  async dueSources(now: string): Promise<DatasetSource[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM dataset_sources WHERE next_run_at IS NOT NULL AND next_run_at <= ?
         ORDER BY next_run_at, dataset_id`,
      )
      .all(now) as SourceRow[];
    return rows.map(toSource);
  }

  async claimScheduledRun(
    datasetId: string,
    dueAt: string,
    nextRunAt: string | null,
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        'UPDATE dataset_sources SET next_run_at = ? WHERE dataset_id = ? AND next_run_at = ?',
      )
      .run(nextRunAt, datasetId, dueAt);
    return result.changes === 1;
  }

  async createJob(input: ImportJobInput): Promise<ImportJob> {
    try {
      const result = this.db
        .prepare(
          `INSERT INTO import_jobs (dataset_id, state, trigger, created_at, created_by)
           VALUES (?, 'queued', ?, ?, ?)`,
        )
        .run(input.datasetId, input.trigger, isoNow(), input.createdBy);
      return (await this.getJob(Number(result.lastInsertRowid)))!;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new PortalError('DG_ERR_IMPORT_BUSY', { dataset_id: input.datasetId });
    }
  }

  async startJob(id: number, owner: string): Promise<ImportJob | null> {
    const now = isoNow();
    const result = this.db
      .prepare(
        `UPDATE import_jobs SET state = 'running', owner = ?, started_at = ?, heartbeat_at = ?
         WHERE id = ? AND state = 'queued'`,
      )
      .run(owner, now, now, id);
    return result.changes === 1 ? this.getJob(id) : null;
  }

  async reportProgress(id: number, rowsRead: number, rowsRejected: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE import_jobs SET rows_read = ?, rows_rejected = ?, heartbeat_at = ?
         WHERE id = ? AND state = 'running'`,
      )
      .run(rowsRead, rowsRejected, isoNow(), id);
  }

  async finishJob(id: number, result: ImportJobResult): Promise<ImportJob | null> {
    const changed = this.db
      .prepare(
        `UPDATE import_jobs SET state = ?, rows_read = ?, rows_rejected = ?, issues = ?,
           issue_count = ?, version_id = ?, error = ?, ended_at = ?
         WHERE id = ? AND state IN ('queued', 'running')`,
      )
      .run(
        result.state,
        result.rowsRead,
        result.rowsRejected,
        JSON.stringify(result.issues),
        result.issueCount,
        result.versionId,
        result.error,
        isoNow(),
        id,
      );
    return changed.changes === 1 ? this.getJob(id) : null;
  }

  async getJob(id: number): Promise<ImportJob | null> {
    const row = this.db.prepare('SELECT * FROM import_jobs WHERE id = ?').get(id) as
      JobRow | undefined;
    return row ? toJob(row) : null;
  }

  async listJobs(datasetId: string, limit: number): Promise<ImportJob[]> {
    const rows = this.db
      .prepare('SELECT * FROM import_jobs WHERE dataset_id = ? ORDER BY id DESC LIMIT ?')
      .all(datasetId, limit) as JobRow[];
    return rows.map(toJob);
  }

  async activeJobs(): Promise<ImportJob[]> {
    const rows = this.db
      .prepare("SELECT * FROM import_jobs WHERE state IN ('queued', 'running') ORDER BY id")
      .all() as JobRow[];
    return rows.map(toJob);
  }

  /** One SQLite file is one machine: a job's owner pid says whether it lives. */
  async takeLease(): Promise<JobLease> {
    return { release: async () => undefined };
  }

  async leaseState(): Promise<LeaseState> {
    return 'none';
  }
}
