// Limits failed sign-ins per account and per address over a sliding window, in the store so that
// every process of a deployment counts the same attempts. Buckets hold hashes, not addresses.

import { createHash } from 'node:crypto';

import { PortalError } from '../core/errors.ts';
import type { AccountStore } from '../storage/engine.ts';

export interface ThrottleLimits {
  windowMinutes: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

function bucket(kind: 'account' | 'address', value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

export class LoginThrottle {
  constructor(
    private readonly store: AccountStore,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private since(): string {
    return new Date(this.now().getTime() - this.limits.windowMinutes * 60_000).toISOString();
  }

  /** Throws DG_ERR_AUTH_LOGIN_THROTTLED when either bucket is full. */
  async check(email: string, address: string): Promise<void> {
    const since = this.since();
    const account = await this.store.countLoginFailures(bucket('account', email), since);
    const fromAddress = await this.store.countLoginFailures(bucket('address', address), since);
    if (account >= this.limits.perAccount || fromAddress >= this.limits.perAddress) {
      throw new PortalError('DG_ERR_AUTH_LOGIN_THROTTLED', {
        minutes: this.limits.windowMinutes,
      });
    }
  }

  async failed(email: string, address: string): Promise<void> {
    await this.store.purgeLoginFailures(this.since());
    await this.store.recordLoginFailure(
      [bucket('account', email), bucket('address', address)],
      this.now().toISOString(),
    );
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.store.clearLoginFailures(bucket('account', email));
  }
}
