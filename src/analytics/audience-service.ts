// The audience service: the recorder the HTTP layer feeds, and the reports the dashboard reads.

import type { AudienceStore } from '../storage/audience-store.ts';
import type { RecorderOptions } from './recorder.ts';
import { AudienceRecorder } from './recorder.ts';
import type { AudienceReport, Period } from './report.ts';
import { readReport } from './report.ts';

export interface AudienceServiceOptions extends RecorderOptions {
  /** Off: nothing is recorded (the dashboard still reads what was). */
  enabled: boolean;
}

export class AudienceService {
  /** Null when the portal does not count. */
  readonly recorder: AudienceRecorder | null;
  private readonly clock: () => Date;

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
  }

  report(period: Period): Promise<AudienceReport> {
    return readReport(this.store, period);
  }
}
