// The audience recorder: requests push hits into a bounded in-memory buffer and go on at once
// (a full buffer drops the hit and counts the drop, it never waits); a timer writes the buffer
// as hourly counters in one batch, with the day's visitor estimate and the common search terms,
// then deletes the counters past the retention period. Raw hits never reach the disk.

import type { AudienceStore } from '../storage/audience-store.ts';
import { CounterSet, METRICS, hourOf } from './aggregate.ts';
import { DailyVisitors } from './daily-visitors.ts';
import { RelayedVisitors } from './relayed-visitors.ts';
import type { AudienceHit } from './events.ts';
import { SearchTerms } from './search-terms.ts';
import type { VisitorHub, VisitorTally } from './visitor-tally.ts';

export interface RecorderOptions {
  /** Hits held between two flushes; more are dropped and counted (default 10,000). */
  capacity?: number;
  /** Milliseconds between two flushes (default 60 s); 0: only explicit flushes. */
  flushIntervalMs?: number;
  /** Counters older than this many months are deleted (default and maximum 25). */
  retentionMonths?: number;
  /** Times a search term must be seen in a day before it is stored (default 3). */
  termThreshold?: number;
  /** The time (tests move it). */
  clock?: () => Date;
  /** The processes serving beside this one share their visitors through it (else: counted here). */
  visitorHub?: VisitorHub;
}

export interface VisitorTrace {
  address: string;
  userAgent: string;
}

export const MAX_RETENTION_MONTHS = 25;

export class AudienceRecorder {
  readonly visitors: VisitorTally;
  private readonly terms: SearchTerms;
  private buffer: AudienceHit[] = [];
  private dropped = 0;
  private readonly capacity: number;
  private readonly retentionMonths: number;
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: AudienceStore,
    private readonly options: RecorderOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.retentionMonths = Math.min(options.retentionMonths ?? 25, MAX_RETENTION_MONTHS);
    this.terms = new SearchTerms(options.termThreshold ?? 3);
    this.clock = options.clock ?? (() => new Date());
    this.visitors = options.visitorHub
      ? new RelayedVisitors(options.visitorHub)
      : new DailyVisitors();
  }

  now(): Date {
    return this.clock();
  }

  /** Keeps a hit for the next flush; never waits, never throws. */
  record(hit: AudienceHit, visitor?: VisitorTrace): void {
    if (this.buffer.length >= this.capacity) {
      this.dropped += 1;
      return;
    }
    this.buffer.push(hit);
    // Visitors are people on the portal's pages; API clients are counted by their calls.
    if (visitor && !hit.robot && hit.events[0]?.type === 'page') {
      this.visitors.see(hit.at, visitor.address, visitor.userAgent);
    }
  }

  /** Hits waiting for the next flush, and hits dropped since the last one. */
  pending(): { hits: number; dropped: number } {
    return { hits: this.buffer.length, dropped: this.dropped };
  }

  /** Flushes every `flushIntervalMs`; a failed flush goes to `onError` (the hits are lost). */
  start(onError: (error: unknown) => void = () => undefined): void {
    const every = this.options.flushIntervalMs ?? 60_000;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(onError), every);
    this.timer.unref();
  }

  /** Writes what was recorded; flushes never overlap. */
  flush(options: { endOfDay?: boolean } = {}): Promise<void> {
    // A failed flush is reported by its caller; the next one starts afresh.
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(() => this.write(options.endOfDay ?? false));
    return this.flushing;
  }

  /** Stops the timer and writes everything, the day's rare search terms as "(other)". */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush({ endOfDay: true });
  }

  private async write(endOfDay: boolean): Promise<void> {
    const hits = this.buffer;
    const dropped = this.dropped;
    this.buffer = [];
    this.dropped = 0;
    const now = this.clock();
    const counters = new CounterSet();
    for (const hit of hits) {
      counters.add(hit);
      if (hit.robot) continue;
      for (const event of hit.events) {
        if (event.type !== 'search') continue;
        const dataset = event.dataset ?? '';
        this.terms.see(hit.at, {
          scope: event.scope,
          dataset,
          term: event.term,
          found: event.found,
        });
      }
    }
    if (dropped > 0) counters.bump(hourOf(now), METRICS.dropped, '', '', '', dropped);
    for (const term of this.terms.take({ endOfDay })) {
      const metric = term.found === false ? METRICS.searchTermEmpty : METRICS.searchTerm;
      const hour = `${term.day}T00:00:00.000Z`;
      counters.bump(hour, metric, term.dataset, term.scope, term.term, term.count);
    }
    await this.store.addCounts(counters.counts());
    await this.store.saveVisitors(await this.visitors.takeCounts(now));
    await this.store.purgeBefore(retentionStart(now, this.retentionMonths));
  }
}

/** The first hour still kept: the same instant, `months` calendar months earlier. */
export function retentionStart(now: Date, months: number): string {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  return hourOf(start);
}
