// Unique visitors per day, estimated without keeping anyone: an HMAC-SHA256 of the truncated
// address and the user agent, keyed with a random salt that exists only in this process's memory
// and is replaced when the day changes (UTC). The day's set of hashes stays in memory too; only
// its size ever reaches the store. The same visitor on two days gives two unrelated hashes, and
// once a day's salt is gone nobody can recompute them. A restart starts an empty set (the store
// keeps the larger of the counts it is given, so the day's figure is then a lower bound).
// Several processes serving one portal share one set instead (relayed-visitors.ts).

import { randomBytes } from 'node:crypto';

import type { DayCount, VisitorTally } from './visitor-tally.ts';
import { MAX_DAILY_VISITORS, utcDay, visitorHash } from './visitor-tally.ts';

export type { DayCount } from './visitor-tally.ts';
export { MAX_DAILY_VISITORS, utcDay } from './visitor-tally.ts';

export class DailyVisitors implements VisitorTally {
  private day = '';
  private salt: Buffer = randomBytes(32);
  private hashes = new Set<number>();
  private finished: DayCount[] = [];

  see(at: Date, address: string, userAgent: string): void {
    this.roll(utcDay(at));
    if (this.hashes.size >= MAX_DAILY_VISITORS) return;
    this.hashes.add(this.hash(address, userAgent));
  }

  /** The key a visitor gets today (tests check that it changes with the day). */
  hash(address: string, userAgent: string): number {
    return visitorHash(this.salt, address, userAgent);
  }

  /** Moves to `day` if it is a new one (a new salt, an empty set). */
  roll(day: string): void {
    if (day === this.day) return;
    if (this.day !== '') this.finished.push({ day: this.day, visitors: this.hashes.size });
    this.day = day;
    this.salt = randomBytes(32);
    this.hashes = new Set();
  }

  async takeCounts(now: Date): Promise<DayCount[]> {
    this.roll(utcDay(now));
    const counts = this.finished;
    this.finished = [];
    if (this.day !== '' && this.hashes.size > 0) {
      counts.push({ day: this.day, visitors: this.hashes.size });
    }
    return counts;
  }
}
