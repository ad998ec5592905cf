// Signed-in sessions as Django keeps them: a random key in the `sessionid` cookie, the data in
// the store, a fixed two-week life, a new key at every sign-in, destroyed at sign-out, and void
// once the user's password changes.

import { createHash } from 'node:crypto';

import type { Session, User } from '../core/account.ts';
import type { AccountStore } from '../storage/engine.ts';
import { randomToken } from '../util/random-token.ts';

/** Two weeks, Django's SESSION_COOKIE_AGE. */
export const SESSION_LIFETIME_SECONDS = 14 * 24 * 60 * 60;

/** 32 characters of a–z and 0–9: about 165 bits. */
const KEY_LENGTH = 32;
const KEY_PATTERN = /^[a-z0-9]{32}$/;

/** Changes whenever the password hash changes, and reveals nothing of it. */
export function authStamp(passwordHash: string): string {
  return createHash('sha256').update(`datagora-session:${passwordHash}`).digest('hex');
}

export interface ResumedSession {
  session: Session;
  user: User;
}

export class SessionsService {
  constructor(
    private readonly store: AccountStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Begins a session with a fresh key; the caller ends the previous one, if any. */
  async start(user: User, passwordHash: string): Promise<Session> {
    const created = this.now();
    const session: Session = {
      key: randomToken(KEY_LENGTH),
      userId: user.id,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + SESSION_LIFETIME_SECONDS * 1000).toISOString(),
      authStamp: authStamp(passwordHash),
    };
    await this.store.createSession(session);
    return session;
  }

  /** The live session of this key and its user, or null (unknown, expired, stale password). */
  async resume(key: string): Promise<ResumedSession | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const session = await this.store.getSession(key);
    if (!session) return null;
    if (session.expiresAt <= this.now().toISOString()) {
      await this.store.deleteSession(key);
      return null;
    }
    const login = await this.store.findLoginById(session.userId);
    if (!login || authStamp(login.passwordHash) !== session.authStamp) {
      await this.store.deleteSession(key);
      return null;
    }
    return { session, user: login.user };
  }

  async end(key: string): Promise<void> {
    if (KEY_PATTERN.test(key)) await this.store.deleteSession(key);
  }

  /** Ends every session of the user but `exceptKey`. */
  endAllOf(userId: string, exceptKey?: string): Promise<void> {
    return this.store.deleteSessionsOf(userId, exceptKey);
  }

  purgeExpired(): Promise<number> {
    return this.store.purgeExpiredSessions(this.now().toISOString());
  }
}
