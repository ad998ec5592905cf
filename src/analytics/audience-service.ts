// The audience service: the recorder the HTTP layer feeds, and the reports the dashboard reads.

import type { AudienceStore } from '../storage/audience-store.ts';
import type { RecorderOptions } from './recorder.ts';
import { AudienceRecorder } from './recorder.ts';
import type { AudienceReport, Period } from './report.ts';
import { datasetFigures, hourRange, readReport } from './report.ts';

/** The home page's "most viewed" is read again after this long. */
const MOST_VIEWED_TTL_MS = 10 * 60_000;
const MOST_VIEWED_DAYS = 30;

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface AudienceServiceOptions extends RecorderOptions {
  /** Off: nothing is recorded (the dashboard still reads what was). */
  enabled: boolean;
}

export class AudienceService {
  /** Null when the portal does not count. */
  readonly recorder: AudienceRecorder | null;
  private readonly clock: () => Date;
  private mostViewedCache: { at: number; ids: Promise<string[]> } | null = null;

  constructor(
    private readonly store: AudienceStore,
    options: AudienceServiceOptions,
  ) {
    this.recorder = options.enabled ? new AudienceRecorder(store, options) : null;
    this.clock = options.clock ?? (() => new Date());
  }

  now(): Date {
    return this.clock();
  }

  /** Writes what was recorded so far (tests, and the dashboard before it reads). */
  async flush(): Promise<void> {
    await this.recorder?.flush();
    this.mostViewedCache = null;
  }

  /** The figures of a period, of the whole portal or of one dataset. */
  report(period: Period, dataset: string | null = null): Promise<AudienceReport> {
    return readReport(this.store, period, dataset);
  }

  /**
   * Dataset ids by page views over the last 30 days, most viewed first; datasets nobody viewed
   * are left out. Read from the counters at most every ten minutes.
   */
  mostViewed(): Promise<string[]> {
    const at = Date.now();
    if (!this.mostViewedCache || at - this.mostViewedCache.at > MOST_VIEWED_TTL_MS) {
      const to = this.clock();
      const from = new Date(to.getTime() - (MOST_VIEWED_DAYS - 1) * 86_400_000);
      const ids = this.store.totals(hourRange({ from: day(from), to: day(to) })).then((totals) =>
        datasetFigures(totals)
          .filter((figures) => figures.views > 0)
          .sort((a, b) => b.views - a.views || a.dataset.localeCompare(b.dataset))
          .map((figures) => figures.dataset),
      );
      const entry = { at, ids };
      // A failed read is not kept: the next page asks again.
      ids.catch(() => {
        if (this.mostViewedCache === entry) this.mostViewedCache = null;
      });
      this.mostViewedCache = entry;
    }
    return this.mostViewedCache.ids;
  }
}
