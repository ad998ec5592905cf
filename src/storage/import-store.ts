// The storage contract for dataset sources and import jobs; both engines implement it. The
// store itself guarantees one queued or running job per dataset (a unique partial index), so
// the rule holds across processes, and a scheduled run is claimed by one process only.

import type {
  DatasetSource,
  DatasetSourceInput,
  ImportJob,
  ImportJobInput,
  ImportJobResult,
} from '../core/import-job.ts';
import type { ProcessorConfig } from '../core/processors.ts';

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
  /** Every queued or running job (for recovery at start). */
  activeJobs(): Promise<ImportJob[]>;
}
