// The back office's use of sources: create a dataset from a confirmed upload (or fetched URL),
// replace its file, change its URL and schedule, refresh it now. Each import runs as a job
// (import-jobs.ts); this file decides what is stored before it starts.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { DefaultMetas } from '../core/dataset.ts';
import { emptyMetas, isValidDatasetId } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type {
  DatasetSource,
  ImportJob,
  RefreshSchedule,
  SourceOptions,
} from '../core/import-job.ts';
import type { StorageEngine } from '../storage/engine.ts';
import { fieldNameFromLabel } from './field-name.ts';
import type { ImportJobs } from './import-jobs.ts';
import type { PendingUpload } from './pending-uploads.ts';
import { PendingUploads } from './pending-uploads.ts';
import { nextRunAfter, normaliseSchedule } from './refresh-schedule.ts';

export interface CreatedDataset {
  datasetId: string;
  job: ImportJob;
}

/** A one-character separator, or none (detected). */
export function checkSeparator(raw: string): SourceOptions {
  const value = raw === '\\t' || raw.toLowerCase() === 'tab' ? '\t' : raw;
  if (value === '') return {};
  if ([...value].length !== 1) {
    throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
      detail: `the separator "${raw}" is not one character`,
    });
  }
  return { separator: value };
}

export class DatasetSources {
  readonly pending: PendingUploads;

  constructor(
    private readonly engine: StorageEngine,
    private readonly jobs: ImportJobs,
  ) {
    this.pending = new PendingUploads(jobs.uploadsDir);
  }

  async getSource(datasetId: string): Promise<DatasetSource | null> {
    return this.engine.imports.getSource(datasetId);
  }

  async listJobs(datasetId: string, limit = 20): Promise<ImportJob[]> {
    return this.engine.imports.listJobs(datasetId, limit);
  }

  /** Whether a dataset has this id already (visible or not). */
  async exists(datasetId: string): Promise<boolean> {
    return (await this.engine.metadata.getDataset(datasetId)) !== null;
  }

  /** A new dataset's id from a file name: `Export Alim'confiance.csv` → `export_alim_confiance`. */
  static suggestId(fileName: string): string {
    const id = fieldNameFromLabel(fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '')).slice(0, 100);
    return isValidDatasetId(id) ? id : '';
  }

  /**
   * Creates the dataset of a confirmed upload, stores its source and starts its first import.
   * `publish` asks for the dataset to be visible as soon as its data is loaded.
   */
  async createFromPending(
    upload: PendingUpload,
    createdBy: string | null,
    publish: boolean,
  ): Promise<CreatedDataset> {
    if (!isValidDatasetId(upload.datasetId)) {
      throw new PortalError('DG_ERR_INVALID_DATASET_ID', { dataset_id: upload.datasetId });
    }
    const metas: DefaultMetas = emptyMetas(upload.title || upload.datasetId);
    // A draft until its data is loaded: "Publish now" publishes it when the import succeeds.
    await this.engine.metadata.saveDataset({
      id: upload.datasetId,
      metas,
      published: false,
      ownerId: createdBy,
    });
    await this.giveToCreator(createdBy, upload.datasetId);
    await this.engine.metadata.appendActivity({
      userId: createdBy,
      action: 'dataset.create',
      datasetId: upload.datasetId,
      diff: {
        title: { before: null, after: metas.title },
        source: { before: null, after: upload.kind === 'url' ? upload.url : upload.fileName },
      },
    });
    const path = await this.pending.adopt(upload.token, upload.datasetId);
    await this.engine.imports.saveSource({
      datasetId: upload.datasetId,
      kind: upload.kind,
      location: upload.kind === 'url' ? upload.url! : this.jobs.locationOf(path),
      fileName: upload.fileName,
      size: upload.size,
      options: upload.options,
      schedule: upload.schedule,
      nextRunAt: nextRunAfter(upload.schedule, new Date()),
    });
    const job = await this.jobs.start({
      datasetId: upload.datasetId,
      trigger: upload.kind === 'url' ? 'url' : 'upload',
      createdBy,
      publishOnSuccess: publish,
      ...(upload.kind === 'url' ? { fetchedPath: path } : {}),
    });
    return { datasetId: upload.datasetId, job };
  }

  /**
   * An editor who creates a dataset edits it: an editor of given datasets gets it among them
   * (administrators and editors of every dataset edit it already).
   */
  private async giveToCreator(createdBy: string | null, datasetId: string): Promise<void> {
    const creator = createdBy === null ? null : await this.engine.accounts.getUser(createdBy);
    if (creator?.role !== 'editor' || creator.editsAllDatasets) return;
    if (creator.editableDatasets.includes(datasetId)) return;
    await this.engine.accounts.setEditableDatasets(creator.id, [
      ...creator.editableDatasets,
      datasetId,
    ]);
  }

  /** Where a replacement file of the dataset is to be written. */
  replacementPath(datasetId: string): string {
    return join(this.jobs.uploadsDir, datasetId, randomBytes(16).toString('hex'), 'data');
  }

  /** Makes the file at `path` the dataset's source and imports it. */
  async replaceFile(
    datasetId: string,
    file: { path: string; fileName: string; size: number },
    options: SourceOptions,
    createdBy: string | null,
  ): Promise<ImportJob> {
    // Checked first so the running import's source stays as it is; the store still has the
    // last word (two replacements at once: one gets DG_ERR_IMPORT_BUSY from start).
    if ((await this.jobs.activeJob(datasetId)) !== null) {
      throw new PortalError('DG_ERR_IMPORT_BUSY', { dataset_id: datasetId });
    }
    await this.logSource(createdBy, datasetId, file.fileName);
    await this.engine.imports.saveSource({
      datasetId,
      kind: 'file',
      location: this.jobs.locationOf(file.path),
      fileName: file.fileName,
      size: file.size,
      options,
      schedule: 'none',
      nextRunAt: null,
    });
    return this.jobs.start({ datasetId, trigger: 'upload', createdBy });
  }

  /** Makes a URL the dataset's source, with its schedule (the next refresh computed from now). */
  async setUrl(
    datasetId: string,
    url: string,
    schedule: RefreshSchedule,
    options: SourceOptions,
    userId: string | null,
  ): Promise<DatasetSource> {
    const normalised = normaliseSchedule(schedule);
    const current = await this.engine.imports.getSource(datasetId);
    await this.logSource(userId, datasetId, `${url} (${normalised})`);
    const sameUrl = current?.kind === 'url' && current.location === url;
    return this.engine.imports.saveSource({
      datasetId,
      kind: 'url',
      location: url,
      fileName: new URL(url).pathname.split('/').pop() || null,
      size: sameUrl ? current.size : null,
      options,
      schedule: normalised,
      nextRunAt: nextRunAfter(normalised, new Date()),
    });
  }

  private async logSource(userId: string | null, datasetId: string, after: string): Promise<void> {
    const current = await this.engine.imports.getSource(datasetId);
    const before = current
      ? current.kind === 'url'
        ? `${current.location} (${current.schedule})`
        : current.fileName
      : null;
    await this.engine.metadata.appendActivity({
      userId,
      action: 'dataset.source',
      datasetId,
      diff: { source: { before, after } },
    });
  }

  /** Imports the dataset's source again now (a URL is fetched again). */
  async refreshNow(datasetId: string, createdBy: string | null): Promise<ImportJob> {
    return this.jobs.start({ datasetId, trigger: 'refresh', createdBy });
  }
}
