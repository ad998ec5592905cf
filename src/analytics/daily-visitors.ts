// Unique visitors per day, estimated without keeping anyone: an HMAC-SHA256 of the truncated
// address and the user agent, keyed with a random salt that exists only in this process's memory
// and is replaced when the day changes (UTC). The day's set of hashes stays in memory too; only
// its size ever reaches the store. The same visitor on two days gives two unrelated hashes, and
// once a day's salt is gone nobody can recompute them. A restart starts an empty set (the store
// keeps the larger of the counts it is given, so the day's figure is then a lower bound).

import { createHmac, randomBytes } from 'node:crypto';

import { truncateAddress } from './truncate-address.ts';

/** Beyond this many distinct visitors in a day the set stops growing (memory stays bounded). */
export const MAX_DAILY_VISITORS = 500_000;

export interface DayCount {
  day: string;
  visitors: number;
}

export class DailyVisitors {
  private day = '';
  private salt: Buffer = randomBytes(32);
  private hashes = new Set<number>();
  private finished: DayCount[] = [];

  /** Counts a visitor seen at `at`. */
  see(at: Date, address: string, userAgent: string): void {
    this.roll(utcDay(at));
    if (this.hashes.size >= MAX_DAILY_VISITORS) return;
    this.hashes.add(this.hash(address, userAgent));
  }

  /**
   * The key a visitor gets today (tests check that it changes with the day): the HMAC's first
   * 48 bits, a number (lighter in the set than a string; a collision in a million visitors is
   * unlikely, and would only undercount by one).
   */
  hash(address: string, userAgent: string): number {
    return createHmac('sha256', this.salt)
      .update(`${truncateAddress(address)}\n${userAgent}`)
      .digest()
      .readUIntLE(0, 6);
  }

  /** Moves to the day of `at` if it is a new one (a new salt, an empty set). */
  roll(day: string): void {
    if (day === this.day) return;
    if (this.day !== '') this.finished.push({ day: this.day, visitors: this.hashes.size });
    this.day = day;
    this.salt = randomBytes(32);
    this.hashes = new Set();
  }

  /** The counts to write: the days that ended since the last call, then today's so far. */
  takeCounts(): DayCount[] {
    const counts = this.finished;
    this.finished = [];
    if (this.day !== '' && this.hashes.size > 0) {
      counts.push({ day: this.day, visitors: this.hashes.size });
    }
    return counts;
  }
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
