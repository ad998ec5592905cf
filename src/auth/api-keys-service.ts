// API keys: random, shown once to their owner, kept only as a SHA-256 hash (a key has far too
// much entropy to be guessed from it), revocable, with an optional expiry and a scope.

import { createHash } from 'node:crypto';

import type { ApiKey, ApiKeyScope, User } from '../core/account.ts';
import { PortalError } from '../core/errors.ts';
import type { AccountStore } from '../storage/engine.ts';
import { randomToken } from '../util/random-token.ts';

/** 48 characters of a–z and 0–9: about 248 bits. */
const KEY_LENGTH = 48;
const PREFIX_LENGTH = 8;
/** Last use is written at most this often, so that reads do not each write. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface NewKeyOptions {
  label?: string;
  scope?: string;
  /** ISO 8601 date or time; null for a key that does not expire. */
  expiresAt?: string | null;
}

export interface CreatedKey {
  /** The key itself: shown once, never stored. */
  key: string;
  apiKey: ApiKey;
}

export interface VerifiedKey {
  apiKey: ApiKey;
  user: User;
}

function checkScope(scope: string): asserts scope is ApiKeyScope {
  if (scope !== 'read' && scope !== 'write') {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: `Unknown API key scope "${scope}": use read or write.`,
    });
  }
}

export class ApiKeysService {
  constructor(
    private readonly store: AccountStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private expiry(value: string | null | undefined): string | null {
    if (value === null || value === undefined || value === '') return null;
    const time = Date.parse(value);
    if (Number.isNaN(time) || time <= this.now().getTime()) {
      throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
        detail: `The expiry "${value}" is not a date in the future.`,
      });
    }
    return new Date(time).toISOString();
  }

  async create(userId: string, options: NewKeyOptions = {}): Promise<CreatedKey> {
    const scope = options.scope ?? 'read';
    checkScope(scope);
    const expiresAt = this.expiry(options.expiresAt);
    const label = (options.label ?? '').trim().slice(0, 200);
    const key = randomToken(KEY_LENGTH);
    const apiKey = await this.store.createApiKey({
      userId,
      keyHash: hashApiKey(key),
      prefix: key.slice(0, PREFIX_LENGTH),
      label,
      scope,
      expiresAt,
    });
    return { key, apiKey };
  }

  /** The live key (not revoked, not expired) and its owner, or null; records its use. */
  async verify(key: string): Promise<VerifiedKey | null> {
    if (key.length === 0 || key.length > 200) return null;
    const apiKey = await this.store.findApiKey(hashApiKey(key));
    const now = this.now();
    if (!apiKey || apiKey.revokedAt !== null) return null;
    if (apiKey.expiresAt !== null && apiKey.expiresAt <= now.toISOString()) return null;
    const user = await this.store.getUser(apiKey.userId);
    if (!user) return null;
    const last = apiKey.lastUsedAt === null ? 0 : Date.parse(apiKey.lastUsedAt);
    if (now.getTime() - last >= TOUCH_INTERVAL_MS) {
      await this.store.touchApiKey(apiKey.id, now.toISOString());
    }
    return { apiKey, user };
  }

  list(userId?: string): Promise<ApiKey[]> {
    return this.store.listApiKeys(userId);
  }

  /** Revokes a key; `ownerId` limits it to that user's keys (a user revoking their own). */
  async revoke(keyId: string, ownerId?: string): Promise<void> {
    const apiKey = await this.store.getApiKey(keyId);
    if (!apiKey || (ownerId !== undefined && apiKey.userId !== ownerId)) {
      throw new PortalError('DG_ERR_API_KEY_NOT_FOUND', { key_id: keyId });
    }
    await this.store.revokeApiKey(keyId, this.now().toISOString());
  }
}
