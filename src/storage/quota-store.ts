// The storage contract for API quotas: the calls of each caller per day, counted in the store so
// that every process of a deployment adds to the same count. Both engines implement it.

export interface QuotaStore {
  /** Counts one call of `caller` on `day` (`YYYY-MM-DD`, UTC); returns the day's calls so far. */
  take(day: string, caller: string): Promise<number>;
  /** Deletes the counts of days before `day`. */
  purgeBefore(day: string): Promise<void>;
}
