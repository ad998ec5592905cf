// Daily call counts per caller, reset at midnight UTC, as ODS quotas work. The counts live in the
// store, so every process of a deployment adds to the same ones; callers are kept as hashes, and
// the past days' counts are deleted when a process first counts a new day.

import { createHash } from 'node:crypto';

import type { QuotaStore } from '../storage/engine.ts';

export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds of the next reset (midnight UTC). */
  resetEpoch: number;
}

const DAY_MS = 86_400_000;

/** What the store keeps of a caller (`ip:192.0.2.1`): not the address itself. */
export function callerKey(caller: string): string {
  return createHash('sha256').update(`datagora-quota:${caller}`).digest('hex').slice(0, 32);
}

export class DailyQuota {
  /** The day whose earlier counts this process has deleted. */
  private purgedDay = -1;

  constructor(
    readonly limit: number,
    private readonly store: QuotaStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call of `caller` and says whether it is within the day's limit. */
  async take(caller: string): Promise<QuotaDecision> {
    const day = Math.floor(this.now() / DAY_MS);
    const dayText = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (day !== this.purgedDay) {
      this.purgedDay = day;
      await this.store.purgeBefore(dayText);
    }
    const used = await this.store.take(dayText, callerKey(caller));
    return {
      allowed: used <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetEpoch: ((day + 1) * DAY_MS) / 1000,
    };
  }
}
