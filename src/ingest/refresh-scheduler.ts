// Runs the scheduled refreshes of remote sources. Every tick, each due source's run is claimed
// in the store (its next run time moved forward by a conditional update), so a due time starts
// one import even when several processes share the store; the process that wins starts it.

import { isPortalError } from '../core/errors.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { ImportJobs } from './import-jobs.ts';
import { nextRunAfter } from './refresh-schedule.ts';

export interface RefreshSchedulerOptions {
  /** Time between two looks at the due sources (default 30 s). */
  intervalMs?: number;
  /** Told when a due refresh cannot start (its dataset busy, the store failing). */
  onError?: (error: unknown, datasetId: string) => void;
}

export class RefreshScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<string[]> | null = null;

  constructor(
    private readonly engine: StorageEngine,
    private readonly jobs: ImportJobs,
    private readonly options: RefreshSchedulerOptions = {},
  ) {}

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Starts the refreshes due at `now`; returns the datasets it started. One tick at a time. */
  async tick(now = new Date()): Promise<string[]> {
    if (this.ticking) return this.ticking;
    this.ticking = this.runDue(now).finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async runDue(now: Date): Promise<string[]> {
    const started: string[] = [];
    let due;
    try {
      due = await this.engine.imports.dueSources(now.toISOString());
    } catch (error) {
      this.options.onError?.(error, '*');
      return started;
    }
    for (const source of due) {
      if (source.kind !== 'url' || source.nextRunAt === null) continue;
      try {
        const next = nextRunAfter(source.schedule, now);
        if (
          !(await this.engine.imports.claimScheduledRun(source.datasetId, source.nextRunAt, next))
        ) {
          continue;
        }
        await this.jobs.start({
          datasetId: source.datasetId,
          trigger: 'schedule',
          createdBy: null,
        });
        started.push(source.datasetId);
      } catch (error) {
        // A busy dataset skips this run; the next one is already set.
        if (!isPortalError(error) || error.code !== 'DG_ERR_IMPORT_BUSY') {
          this.options.onError?.(error, source.datasetId);
        }
      }
    }
    return started;
  }
}
