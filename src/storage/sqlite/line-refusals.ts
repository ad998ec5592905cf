// How often SQL could not write a query's CSV lines (a range holding a value only JavaScript
// writes exactly): a range refused costs SQL's pass and the row encoder's, a range written saves
// about a third of the row encoder's time, so a query whose ranges are refused more than a
// quarter of the time is no longer tried (docs/performance.md, session 12).

/** Ranges refused before a query may be given up. */
const MIN_REFUSED = 4;
/** Queries remembered at most (forgotten all at once past this). */
const LIMIT = 100;

export class LineRefusals {
  private readonly counts = new Map<string, { tried: number; refused: number }>();

  /** True while ranges of `key` are worth writing in SQL. */
  worthTrying(key: string): boolean {
    const count = this.counts.get(key);
    return !count || count.refused < MIN_REFUSED || count.refused * 4 <= count.tried;
  }

  /** Gives `key` up at once (its statement could not be run: a limit of SQLite's). */
  giveUp(key: string): void {
    const count = this.countOf(key);
    count.refused = Math.max(count.refused, MIN_REFUSED);
    count.tried = count.refused;
  }

  /** Records one range of `key`, written or refused. */
  record(key: string, refused: boolean): void {
    const count = this.countOf(key);
    count.tried++;
    if (refused) count.refused++;
  }

  private countOf(key: string): { tried: number; refused: number } {
    let count = this.counts.get(key);
    if (!count) {
      if (this.counts.size >= LIMIT) this.counts.clear();
      this.counts.set(key, (count = { tried: 0, refused: 0 }));
    }
    return count;
  }
}
