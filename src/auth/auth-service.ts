// Signing in and out: checks the throttle, then the password (spending the same time whether or
// not the account exists), and starts a session with a fresh key.

import type { Session, User } from '../core/account.ts';
import { PortalError } from '../core/errors.ts';
import type { AccountStore } from '../storage/engine.ts';
import { normalizeEmail } from './accounts-service.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import type { SessionsService } from './sessions-service.ts';

export interface SignedIn {
  user: User;
  session: Session;
}

export class AuthService {
  constructor(
    private readonly store: AccountStore,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Checks an email and password from `address` against the throttle and the store, spending the
   * same time whether or not the account exists; DG_ERR_AUTH_LOGIN_FAILED when they do not match.
   */
  async checkPassword(
    emailInput: string,
    password: string,
    address: string,
  ): Promise<{ user: User; passwordHash: string }> {
    const email = normalizeEmail(emailInput);
    await this.throttle.check(email, address);
    const login = email === '' ? null : await this.store.findLogin(email);
    const valid = login
      ? await verifyPassword(login.passwordHash, password)
      : await verifyDecoy(password);
    if (!login || !valid) {
      await this.throttle.failed(email, address);
      throw new PortalError('DG_ERR_AUTH_LOGIN_FAILED');
    }
    await this.throttle.succeeded(email);
    return login;
  }

  /**
   * Signs in; ends `previousKey`'s session (the browser's former one) so that a key planted
   * before sign-in is worth nothing after it.
   */
  async signIn(
    email: string,
    password: string,
    address: string,
    previousKey?: string,
  ): Promise<SignedIn> {
    const login = await this.checkPassword(email, password, address);
    if (previousKey) await this.sessions.end(previousKey);
    const session = await this.sessions.start(login.user, login.passwordHash);
    const at = new Date().toISOString();
    await this.store.recordLogin(login.user.id, at);
    return { user: { ...login.user, lastLoginAt: at }, session };
  }

  /** A fresh session for a user already proven (after a password change), with a new key. */
  async renewSession(user: User, previousKey?: string): Promise<Session> {
    const login = await this.store.findLoginById(user.id);
    if (!login) throw new PortalError('DG_ERR_ACCOUNT_NOT_FOUND', { account: user.id });
    if (previousKey) await this.sessions.end(previousKey);
    return this.sessions.start(login.user, login.passwordHash);
  }

  async signOut(key: string): Promise<void> {
    await this.sessions.end(key);
  }
}
