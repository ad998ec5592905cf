// The storage contract for dataset sources and import jobs; both engines implement it. The
// store itself guarantees one queued or running job per dataset (a unique partial index), so
// the rule holds across processes, and a scheduled run is claimed by one process only. A
// running job's process holds its lease where the engine has leases (PostgreSQL), so any
// process can tell a job whose process died, wherever it ran.

import type {
  DatasetSource,
  DatasetSourceInput,
  ImportJob,
  ImportJobInput,
  ImportJobResult,
} from '../core/import-job.ts';
import type { ProcessorConfig } from '../core/processors.ts';

/** A job's lease, held by the process that runs it. */
export interface JobLease {
  /** Gives the lease up (after the job ended). Never throws. */
  release(): Promise<void>;
}

/**
 * `held`: a live process holds the job's lease; `free`: none does (its process died, or it
 * ended); `none`: the engine keeps no leases (SQLite, one machine: the owner's pid tells).
 */
export type LeaseState = 'held' | 'free' | 'none';

export interface ImportStore {
  getSource(datasetId: string): Promise<DatasetSource | null>;
  /** Creates or replaces the dataset's source; a replaced source keeps its processors. */
  saveSource(input: DatasetSourceInput): Promise<DatasetSource>;
  /** Replaces the processors of the dataset's source; null when the dataset has no source. */
  saveProcessors(datasetId: string, processors: ProcessorConfig[]): Promise<DatasetSource | null>;
  /** Sources whose next scheduled run is at or before `now`, oldest due first. */
  dueSources(now: string): Promise<DatasetSource[]>;
  /**
   * Moves a source's next run from `dueAt` to `nextRunAt`; true for the one caller that did it
   * (another process that read the same due time gets false).
   */
  claimScheduledRun(datasetId: string, dueAt: string, nextRunAt: string | null): Promise<boolean>;
  /** Queues a job; DG_ERR_IMPORT_BUSY when the dataset has one queued or running. */
  createJob(input: ImportJobInput): Promise<ImportJob>;
  /** queued → running, owned by `owner`; null when the job was not queued. */
  startJob(id: number, owner: string): Promise<ImportJob | null>;
  /** Records the rows read so far of a running job (its heartbeat too). */
  reportProgress(id: number, rowsRead: number, rowsRejected: number): Promise<void>;
  /** Ends a queued or running job; null when it had already ended. */
  finishJob(id: number, result: ImportJobResult): Promise<ImportJob | null>;
  getJob(id: number): Promise<ImportJob | null>;
  /** The dataset's jobs, newest first. */
  listJobs(datasetId: string, limit: number): Promise<ImportJob[]>;
  /** Every queued or running job (for recovery). */
  activeJobs(): Promise<ImportJob[]>;
  /**
   * Takes the lease of a job this process is about to run, held until released or until the
   * process ends (PostgreSQL: a session advisory lock on a connection of its own, which the
   * server releases when that connection drops). A no-op lease where the engine has none.
   */
  takeLease(jobId: number): Promise<JobLease>;
  /** Whether some process holds the job's lease now. */
  leaseState(jobId: number): Promise<LeaseState>;
}
