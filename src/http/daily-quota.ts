// Daily call counts per caller, reset at midnight UTC, as ODS quotas work. In memory: each
// process counts its own calls (a shared store comes with multi-process deployments).

export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds of the next reset (midnight UTC). */
  resetEpoch: number;
}

const DAY_MS = 86_400_000;

export class DailyQuota {
  private day = -1;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call of `caller` and says whether it is within the day's limit. */
  take(caller: string): QuotaDecision {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.counts.clear();
    }
    const used = (this.counts.get(caller) ?? 0) + 1;
    this.counts.set(caller, used);
    return {
      allowed: used <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetEpoch: ((day + 1) * DAY_MS) / 1000,
    };
  }
}
