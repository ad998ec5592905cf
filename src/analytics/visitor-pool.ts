// The day's one set of visitor hashes for the processes serving one portal on one machine,
// kept by their primary (src/cluster/): it makes each day's salt when first asked, adds the
// hashes the processes hand it, and answers the counts to store. Like one process's
// daily-visitors.ts, it keeps one day's set, bounded, and forgets the salt when the day ends;
// the day before's set (not its salt) is kept a few minutes more, for the hashes seen just
// before midnight that the processes hand over at their next flush.

import { randomBytes } from 'node:crypto';

import type { DayCount, DayHashes } from './visitor-tally.ts';
import { MAX_DAILY_VISITORS } from './visitor-tally.ts';

/** How long the day before still takes hashes: longer than the processes' flush interval. */
export const LATE_HASHES_MS = 5 * 60_000;

interface Day {
  day: string;
  /** Null once the day is over: nobody can hash for it any more. */
  salt: Buffer | null;
  hashes: Set<number>;
}

export class VisitorPool {
  private current: Day | null = null;
  private previous: Day | null = null;
  private rolledAt = 0;
  /** The days that ended, with their final counts (answered until stored by one process). */
  private ended: DayCount[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  /** The salt of `day`; a day after the current one starts it, an earlier one gets null. */
  salt(day: string): Buffer | null {
    this.forgetLate();
    if (this.current === null || day > this.current.day) this.roll(day);
    return day === this.current!.day ? this.current!.salt : null;
  }

  add(batches: DayHashes[]): DayCount[] {
    this.forgetLate();
    for (const { day, hashes } of batches) {
      const target = [this.current, this.previous].find((d) => d?.day === day);
      if (!target) continue;
      for (const hash of hashes) {
        if (target.hashes.size >= MAX_DAILY_VISITORS) break;
        target.hashes.add(hash);
      }
    }
    const counts = [...this.ended];
    if (this.previous) counts.push(count(this.previous));
    if (this.current && this.current.hashes.size > 0) counts.push(count(this.current));
    // Once answered, an ended day's final count is the store's (it keeps the larger count).
    this.ended = [];
    return counts;
  }

  private roll(day: string): void {
    if (this.previous) this.ended.push(count(this.previous));
    if (this.current) this.current.salt = null;
    this.previous = this.current;
    this.current = { day, salt: randomBytes(32), hashes: new Set() };
    this.rolledAt = this.clock();
  }

  private forgetLate(): void {
    if (this.previous && this.clock() - this.rolledAt > LATE_HASHES_MS) {
      this.ended.push(count(this.previous));
      this.previous = null;
    }
  }
}

function count(day: Day): DayCount {
  return { day: day.day, visitors: day.hashes.size };
}
