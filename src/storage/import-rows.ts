// Rows of the `dataset_sources` and `import_jobs` tables to domain objects, for both engines
// (timestamps may come as ISO text, Date or epoch milliseconds; JSON as text or parsed).

import type {
  DatasetSource,
  ImportIssue,
  ImportJob,
  ImportJobState,
  ImportTrigger,
  SourceKind,
  SourceOptions,
} from '../core/import-job.ts';
import type { ProcessorConfig } from '../core/processors.ts';

type Stamp = string | number | Date | null;

export interface SourceRow {
  dataset_id: string;
  kind: string;
  location: string;
  file_name: string | null;
  size: number | string | null;
  options: string | SourceOptions;
  schedule: string;
  next_run_at: Stamp;
  processors: string | ProcessorConfig[];
  updated_at: Stamp;
}

export interface JobRow {
  id: number | string;
  dataset_id: string;
  state: string;
  trigger: string;
  rows_read: number | string;
  rows_rejected: number | string;
  issues: string | ImportIssue[];
  issue_count: number | string;
  created_at: Stamp;
  started_at: Stamp;
  ended_at: Stamp;
  heartbeat_at: Stamp;
  created_by: string | null;
  owner: string | null;
  version_id: number | string | null;
  error: string | null;
}

export function isoOf(value: Stamp): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toSource(row: SourceRow): DatasetSource {
  return {
    datasetId: row.dataset_id,
    kind: row.kind as SourceKind,
    location: row.location,
    fileName: row.file_name,
    size: row.size === null ? null : Number(row.size),
    options: json<SourceOptions>(row.options),
    schedule: row.schedule,
    nextRunAt: isoOf(row.next_run_at),
    processors: json<ProcessorConfig[]>(row.processors),
    updatedAt: isoOf(row.updated_at)!,
  };
}

export function toJob(row: JobRow): ImportJob {
  return {
    id: Number(row.id),
    datasetId: row.dataset_id,
    state: row.state as ImportJobState,
    trigger: row.trigger as ImportTrigger,
    rowsRead: Number(row.rows_read),
    rowsRejected: Number(row.rows_rejected),
    issues: json<ImportIssue[]>(row.issues),
    issueCount: Number(row.issue_count),
    createdAt: isoOf(row.created_at)!,
    startedAt: isoOf(row.started_at),
    endedAt: isoOf(row.ended_at),
    heartbeatAt: isoOf(row.heartbeat_at),
    createdBy: row.created_by,
    owner: row.owner,
    versionId: row.version_id === null ? null : Number(row.version_id),
    error: row.error,
  };
}
