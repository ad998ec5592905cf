// Where a dataset's data comes from (an uploaded file or a remote URL, with its refresh
// schedule), the processors its imports apply, and the background imports that load it, one at
// a time per dataset.

import type { ProcessorConfig } from './processors.ts';

export type SourceKind = 'file' | 'url';

/** `none`, `hourly`, `daily`, `weekly`, or a 5-field cron expression. */
export type RefreshSchedule = string;

export const NAMED_SCHEDULES = ['none', 'hourly', 'daily', 'weekly'] as const;

/** Reading options of the source file (CSV for now). */
export interface SourceOptions {
  separator?: string;
}

export interface DatasetSource {
  datasetId: string;
  kind: SourceKind;
  /** A file path relative to the portal's home (`uploads/…`), or an http(s) URL. */
  location: string;
  /** The file's name as the user knew it (uploaded file name, or the URL's last segment). */
  fileName: string | null;
  /** Bytes of the last file stored or fetched. */
  size: number | null;
  options: SourceOptions;
  schedule: RefreshSchedule;
  /** When the next scheduled refresh is due (ISO 8601), null without a schedule. */
  nextRunAt: string | null;
  /** Applied to every record at each import of the source, in order (docs/processors.md). */
  processors: ProcessorConfig[];
  updatedAt: string;
}

/** A source as saved: its processors are kept (they are saved on their own). */
export type DatasetSourceInput = Omit<DatasetSource, 'updatedAt' | 'processors'>;

export type ImportJobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** What started an import. */
export type ImportTrigger = 'upload' | 'url' | 'refresh' | 'schedule';

export interface ImportIssue {
  line: number;
  field?: string;
  reason: string;
}

export interface ImportJob {
  id: number;
  datasetId: string;
  state: ImportJobState;
  trigger: ImportTrigger;
  rowsRead: number;
  rowsRejected: number;
  /** The first issues, by line; `issueCount` counts them all. */
  issues: ImportIssue[];
  issueCount: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Last sign of life of the process running it. */
  heartbeatAt: string | null;
  /** The user who asked for it (null for a scheduled refresh). */
  createdBy: string | null;
  /** `<host>:<pid>` of the process running it. */
  owner: string | null;
  /** The version it loaded, once succeeded. */
  versionId: number | null;
  error: string | null;
}

export interface ImportJobInput {
  datasetId: string;
  trigger: ImportTrigger;
  createdBy: string | null;
}

export interface ImportJobResult {
  state: 'succeeded' | 'failed';
  rowsRead: number;
  rowsRejected: number;
  issues: ImportIssue[];
  issueCount: number;
  versionId: number | null;
  error: string | null;
}

/** Issues kept with a job (the rest are only counted). */
export const JOB_ISSUES_KEPT = 100;
