// Background imports, one per dataset at a time: a job is queued in the store (which refuses a
// second active one, across processes), its lease taken, then it runs here while requests keep
// being answered (the loaders yield to the event loop as they go), applying the processors stored
// with the source; its progress is written every half second, and at least every minute as a
// heartbeat. Jobs a dead process left behind are failed at start, by a sweep every few seconds,
// and before a new import of their dataset is refused; the dataset's current version, untouched
// by a failed load, keeps serving.

import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

import { PortalError, isPortalError } from '../core/errors.ts';
import type {
  DatasetSource,
  ImportJob,
  ImportJobResult,
  ImportTrigger,
} from '../core/import-job.ts';
import { JOB_ISSUES_KEPT } from '../core/import-job.ts';
import type { StorageEngine } from '../storage/engine.ts';
import { isProcessAlive } from '../util/is-process-alive.ts';
import { fetchToFile } from './fetch-remote.ts';
import { importSourceFile, processorsTimeZone } from './import-source-file.ts';

export interface ImportJobsOptions {
  /** DATAGORA_HOME: uploaded and fetched files live in its `uploads/` folder. */
  home: string;
  /** The largest file accepted (DATAGORA_UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Time limit of fetching a remote source. */
  fetchTimeoutMs: number;
  /** How often a running job's progress is written (default 500 ms). */
  progressIntervalMs?: number;
  /** A job without a lease silent this long is taken for dead (default 5 min). */
  staleAfterMs?: number;
  /** How often a running job's heartbeat is written at least (default 60 s). */
  heartbeatMs?: number;
  /** Called when a job of this process ends, whatever the outcome (the activity log). */
  onEnded?: (job: ImportJob) => void | Promise<void>;
}

export interface StartImport {
  datasetId: string;
  trigger: ImportTrigger;
  createdBy: string | null;
  /** A remote source's file, already fetched (for the preview): imported instead of fetching. */
  fetchedPath?: string;
  /** Publish the dataset once this import succeeds (a new dataset's "Publish now"). */
  publishOnSuccess?: boolean;
}

export const UPLOADS_DIR = 'uploads';

export class ImportJobs {
  /** `<host>:<pid>`, written on the jobs this process runs. */
  readonly owner = `${hostname()}:${process.pid}`;
  private readonly running = new Map<number, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly engine: StorageEngine,
    private readonly options: ImportJobsOptions,
  ) {}

  get uploadsDir(): string {
    return join(this.options.home, UPLOADS_DIR);
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  get fetchTimeoutMs(): number {
    return this.options.fetchTimeoutMs;
  }

  /** The absolute path of a stored file's location (relative to the home, inside it). */
  pathOf(location: string): string {
    const path = resolve(this.options.home, location);
    const inside = relative(resolve(this.options.home), path);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', { detail: 'a file outside the home' });
    }
    return path;
  }

  /** The location (relative to the home) of a path under it. */
  locationOf(path: string): string {
    return relative(resolve(this.options.home), resolve(path)).split('\\').join('/');
  }

  /** Queues an import of the dataset's source and starts it; DG_ERR_IMPORT_BUSY if one runs. */
  async start(request: StartImport): Promise<ImportJob> {
    const store = this.engine.imports;
    const source = await store.getSource(request.datasetId);
    if (source === null) {
      throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
        detail: `dataset ${request.datasetId} has no source to import`,
      });
    }
    const queued = await this.createJob(request);
    let lease;
    try {
      lease = await store.takeLease(queued.id);
    } catch (error) {
      await store.finishJob(queued.id, failure(0, error));
      throw error;
    }
    const job = (await store.startJob(queued.id, this.owner)) ?? queued;
    const run = this.run(job, source, request).finally(async () => {
      await lease.release();
      this.running.delete(job.id);
    });
    this.running.set(job.id, run);
    return job;
  }

  /** Queues the job; a dataset busy with the job of a dead process is freed first. */
  private async createJob(request: StartImport): Promise<ImportJob> {
    const store = this.engine.imports;
    try {
      return await store.createJob(request);
    } catch (error) {
      if (!isPortalError(error) || error.code !== 'DG_ERR_IMPORT_BUSY') throw error;
      if ((await this.recover()).length === 0) throw error;
      return store.createJob(request);
    }
  }

  /** Whether this process runs a job of the dataset now. */
  async activeJob(datasetId: string): Promise<ImportJob | null> {
    const [latest] = await this.engine.imports.listJobs(datasetId, 1);
    return latest && (latest.state === 'queued' || latest.state === 'running') ? latest : null;
  }

  /**
   * Every `intervalMs`, fails the jobs and loads of dead processes (wherever they ran, on
   * PostgreSQL; on this machine, on SQLite). `onError` hears a sweep that failed.
   */
  watch(intervalMs = 10_000, onError: (error: unknown) => void = () => undefined): void {
    if (this.sweeper !== null) return;
    this.sweeper = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = this.sweep()
        .catch(onError)
        .finally(() => (this.sweeping = null));
    }, intervalMs);
    this.sweeper.unref();
  }

  /** Stops the sweeps (the jobs running go on). */
  async unwatch(): Promise<void> {
    if (this.sweeper !== null) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
  }

  /** One sweep: dead jobs failed, then dead loads. */
  async sweep(): Promise<void> {
    await this.recover();
    await this.engine.recoverDeadLoads();
  }

  /** Resolves once the jobs this process runs have ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Fails the jobs a dead process left queued or running: nobody holds a running job's lease
   * (PostgreSQL), or, where the engine has no leases, its pid is gone on this host; a job without
   * a held lease that gave no sign of life for `staleAfterMs` too. Returns their ids.
   */
  async recover(now = Date.now()): Promise<number[]> {
    const staleAfter = this.options.staleAfterMs ?? 5 * 60_000;
    const recovered: number[] = [];
    for (const job of await this.engine.imports.activeJobs()) {
      if (this.running.has(job.id) || !(await this.isDead(job, now, staleAfter))) continue;
      const ended = await this.engine.imports.finishJob(job.id, {
        state: 'failed',
        rowsRead: job.rowsRead,
        rowsRejected: job.rowsRejected,
        issues: [],
        issueCount: 0,
        versionId: null,
        error: `the import stopped before it ended (process ${job.owner ?? 'unknown'} is gone)`,
      });
      if (ended) recovered.push(job.id);
    }
    return recovered;
  }

  private async isDead(job: ImportJob, now: number, staleAfter: number): Promise<boolean> {
    // A running job's lease is taken before it runs: held means alive, free means dead.
    if (job.state === 'running') {
      const lease = await this.engine.imports.leaseState(job.id);
      if (lease !== 'none') return lease === 'free';
    }
    const lastSign = Date.parse(job.heartbeatAt ?? job.createdAt);
    if (now - lastSign > staleAfter) return true;
    if (job.owner === null) return false;
    const at = job.owner.lastIndexOf(':');
    if (job.owner.slice(0, at) !== hostname()) return false;
    return !isProcessAlive(Number(job.owner.slice(at + 1)));
  }

  private async run(job: ImportJob, source: DatasetSource, request: StartImport): Promise<void> {
    const { fetchedPath } = request;
    const store = this.engine.imports;
    const progress = { rows: 0, written: 0, writtenAt: Date.now() };
    const heartbeatMs = this.options.heartbeatMs ?? 60_000;
    const timer = setInterval(() => {
      const now = Date.now();
      if (progress.rows === progress.written && now - progress.writtenAt < heartbeatMs) return;
      progress.written = progress.rows;
      progress.writtenAt = now;
      store.reportProgress(job.id, progress.rows, 0).catch(() => undefined);
    }, this.options.progressIntervalMs ?? 500);
    timer.unref();
    let fetched: string | null = null;
    let result: ImportJobResult;
    try {
      let path: string;
      if (source.kind === 'file') path = this.pathOf(source.location);
      else if (fetchedPath !== undefined) path = fetchedPath;
      else {
        fetched = join(this.uploadsDir, 'fetch', `${job.id}-${randomBytes(6).toString('hex')}`);
        const file = await fetchToFile(source.location, fetched, {
          maxBytes: this.options.maxBytes,
          timeoutMs: this.options.fetchTimeoutMs,
        });
        await store.saveSource({ ...source, size: file.bytes });
        path = fetched;
      }
      const report = await importSourceFile(
        this.engine,
        {
          datasetId: job.datasetId,
          path,
          fileName: source.fileName ?? undefined,
          options: source.options,
          createdBy: job.createdBy,
          processors: source.processors,
          timeZone: await processorsTimeZone(this.engine, job.datasetId),
        },
        {
          onProgress: (read) => (progress.rows = read.rows),
          // Every row is read: the page shows the total while the indexes build.
          onPhase: (phase) => {
            if (phase !== 'indexing') return;
            progress.written = progress.rows;
            progress.writtenAt = Date.now();
            store.reportProgress(job.id, progress.rows, 0).catch(() => undefined);
          },
        },
      );
      result = {
        state: 'succeeded',
        rowsRead: report.rows,
        rowsRejected: report.rejected,
        issues: report.issues.slice(0, JOB_ISSUES_KEPT),
        issueCount: report.issueCount,
        versionId: report.version.id,
        error: null,
      };
    } catch (error) {
      result = failure(progress.rows, error);
    } finally {
      clearInterval(timer);
      if (fetched !== null) await rm(fetched, { force: true });
    }
    // Nothing may escape: the run is nobody's awaited promise.
    try {
      const ended = await store.finishJob(job.id, result);
      if (!ended) return;
      await this.engine.metadata.appendActivity({
        userId: ended.createdBy,
        action: ended.state === 'succeeded' ? 'dataset.import' : 'dataset.import_failed',
        datasetId: ended.datasetId,
        diff: {
          records: { before: null, after: ended.rowsRead },
          ...(ended.error ? { error: { before: null, after: ended.error } } : {}),
        },
      });
      if (ended.state === 'succeeded' && request.publishOnSuccess) {
        await this.engine.metadata.setPublished(ended.datasetId, true);
        await this.engine.metadata.appendActivity({
          userId: ended.createdBy,
          action: 'dataset.publish',
          datasetId: ended.datasetId,
          diff: { published: { before: false, after: true } },
        });
      }
      await this.options.onEnded?.(ended);
    } catch {
      // The store is gone (closing); a later start fails the job as its process ended.
    }
  }
}

function failure(rowsRead: number, error: unknown): ImportJobResult {
  return {
    state: 'failed',
    rowsRead,
    rowsRejected: 0,
    issues: [],
    issueCount: 0,
    versionId: null,
    error: error instanceof Error ? error.message : String(error),
  };
}
