// Unique visitors in a process that serves beside others on one machine: a visitor's requests
// may reach any of them, so they share one set of the day's hashes, kept by the hub (their
// primary). This process hashes with the day's salt, which the hub hands out, holds the hashes
// it saw since its last flush and hands them over at the next; the hub answers the day's count,
// which this process stores (the store keeps the larger count: every process may write it).
// Addresses and user agents never leave this process, and only counts reach the store.

import type { DayCount, DayHashes, VisitorHub, VisitorTally } from './visitor-tally.ts';
import { MAX_DAILY_VISITORS, utcDay, visitorHash } from './visitor-tally.ts';

/** Visitors seen while the day's salt is on its way (the first ones of a day): kept so many. */
const MAX_EARLY = 10_000;

export class RelayedVisitors implements VisitorTally {
  private day = '';
  private salt: Buffer | null = null;
  /** Visitors of `day` seen before its salt came: hashed when it comes. */
  private early: { address: string; userAgent: string }[] = [];
  /** Settles when the current day's salt has come (or is known to be lost). */
  private salted: Promise<void> = Promise.resolve();
  /** Hashes not yet handed to the hub, per day. */
  private unsent = new Map<string, Set<number>>();

  constructor(private readonly hub: VisitorHub) {}

  see(at: Date, address: string, userAgent: string): void {
    const day = utcDay(at);
    if (day !== this.day) this.moveTo(day);
    if (this.salt) this.keep(day, visitorHash(this.salt, address, userAgent));
    else if (this.early.length < MAX_EARLY) this.early.push({ address, userAgent });
  }

  hash(address: string, userAgent: string): number | null {
    return this.salt ? visitorHash(this.salt, address, userAgent) : null;
  }

  async takeCounts(): Promise<DayCount[]> {
    // The visitors waiting for the salt are hashed first, so a flush counts every one seen.
    await this.salted;
    const batches: DayHashes[] = [...this.unsent].map(([day, set]) => ({ day, hashes: [...set] }));
    this.unsent = new Map();
    return this.hub.add(batches);
  }

  private moveTo(day: string): void {
    this.day = day;
    this.salt = null;
    this.early = [];
    this.salted = this.hub.salt(day).then(
      (salt) => {
        if (this.day !== day) return;
        const early = this.early;
        this.early = [];
        // No salt: the day is over at the hub (a late hit at midnight: not counted), or the hub
        // did not answer; the next visitor asks again.
        if (!salt) this.day = '';
        else {
          this.salt = salt;
          for (const v of early) this.keep(day, visitorHash(salt, v.address, v.userAgent));
        }
      },
      () => {
        if (this.day !== day) return;
        this.early = [];
        this.day = '';
      },
    );
  }

  private keep(day: string, hash: number): void {
    let set = this.unsent.get(day);
    if (!set) this.unsent.set(day, (set = new Set()));
    if (set.size < MAX_DAILY_VISITORS) set.add(hash);
  }
}
