// Accounts, sessions, API keys and the sign-in throttle, wired on one store.

import type { AccountStore, MetadataStore } from '../storage/engine.ts';
import { AccountsService } from './accounts-service.ts';
import { ApiKeysService } from './api-keys-service.ts';
import { AuthService } from './auth-service.ts';
import { LoginThrottle } from './login-throttle.ts';
import { SessionsService } from './sessions-service.ts';

export { AccountsService, normalizeEmail } from './accounts-service.ts';
export type { NewAccount } from './accounts-service.ts';
export { ApiKeysService, hashApiKey } from './api-keys-service.ts';
export type { CreatedKey, VerifiedKey } from './api-keys-service.ts';
export { AuthService } from './auth-service.ts';
export { DailyQuota } from './daily-quota.ts';
export type { QuotaDecision } from './daily-quota.ts';
export { LoginThrottle } from './login-throttle.ts';
export { SESSION_LIFETIME_SECONDS, SessionsService } from './sessions-service.ts';
export { viewerOf } from './viewer.ts';

export interface AuthServices {
  accounts: AccountsService;
  sessions: SessionsService;
  apiKeys: ApiKeysService;
  auth: AuthService;
}

export function authServices(store: AccountStore, metadata: MetadataStore): AuthServices {
  const sessions = new SessionsService(store);
  return {
    accounts: new AccountsService(store, metadata),
    sessions,
    apiKeys: new ApiKeysService(store),
    auth: new AuthService(store, sessions, new LoginThrottle(store)),
  };
}
