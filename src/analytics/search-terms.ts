// Search terms are counted only once they are common: a rare term can name a person (someone
// looking up their own restaurant or their own name). Each day's terms are tallied in memory; a
// term is written once it has been seen `threshold` times that day (its whole tally, then each
// further search), and the day's rarer terms are written as one "(other)" line when the day ends
// or the process closes. Memory is bounded: past `maxTerms` distinct terms a day, new ones go
// straight to "(other)".

import { utcDay } from './daily-visitors.ts';

export const OTHER_TERMS = '(other)';

export interface TermKey {
  scope: 'catalog' | 'records';
  dataset: string;
  term: string;
  found: boolean | null;
}

export interface TermCount extends TermKey {
  day: string;
  count: number;
}

interface Tally extends TermKey {
  seen: number;
  written: number;
}

export class SearchTerms {
  private day = '';
  private tallies = new Map<string, Tally>();
  private overflow = new Map<string, TermCount>();
  private ready: TermCount[] = [];

  constructor(
    private readonly threshold: number,
    private readonly maxTerms = 20_000,
  ) {}

  see(at: Date, key: TermKey): void {
    const day = utcDay(at);
    if (day !== this.day) this.closeDay(day);
    const id = JSON.stringify([key.scope, key.dataset, key.term, key.found]);
    const tally = this.tallies.get(id);
    if (tally) {
      tally.seen += 1;
    } else if (this.tallies.size < this.maxTerms) {
      this.tallies.set(id, { ...key, seen: 1, written: 0 });
    } else {
      this.fold(key, 1);
    }
  }

  /** What to write now: the common terms' new searches, and the rare ones of days that ended. */
  take(options: { endOfDay: boolean }): TermCount[] {
    if (options.endOfDay) this.closeDay('');
    const counts = this.ready;
    this.ready = [];
    for (const tally of this.tallies.values()) {
      if (tally.seen < this.threshold || tally.seen === tally.written) continue;
      counts.push({ ...keyOf(tally), day: this.day, count: tally.seen - tally.written });
      tally.written = tally.seen;
    }
    counts.push(...this.overflow.values());
    this.overflow.clear();
    return counts;
  }

  private closeDay(next: string): void {
    for (const tally of this.tallies.values()) {
      if (tally.seen < this.threshold) {
        this.fold(tally, tally.seen);
      } else if (tally.seen > tally.written) {
        this.ready.push({ ...keyOf(tally), day: this.day, count: tally.seen - tally.written });
      }
    }
    this.ready.push(...this.overflow.values());
    this.overflow.clear();
    this.tallies.clear();
    this.day = next;
  }

  private fold(key: TermKey, count: number): void {
    const id = JSON.stringify([key.scope, key.dataset, key.found]);
    const line = this.overflow.get(id);
    if (line) line.count += count;
    else this.overflow.set(id, { ...key, term: OTHER_TERMS, day: this.day, count });
  }
}

function keyOf(tally: Tally): TermKey {
  return { scope: tally.scope, dataset: tally.dataset, term: tally.term, found: tally.found };
}
