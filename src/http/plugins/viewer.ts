// Who is asking: every request starts anonymous; a `sessionid` cookie naming a live session makes
// it that user's (the API credentials plugin may then replace it with an API key's owner).

import type { FastifyInstance } from 'fastify';

import type { Viewer } from '../../core/access.ts';
import { ANONYMOUS } from '../../core/access.ts';
import type { User } from '../../core/account.ts';
import { SESSION_COOKIE } from '../../core/cookies.ts';
import type { SessionsService } from '../../auth/index.ts';
import { viewerOf } from '../../auth/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, for every access decision. */
    viewer: Viewer;
    /** The signed-in user (by session or API key), or null. */
    account: User | null;
    /** The key of the live session the request carries, or null. */
    sessionKey: string | null;
  }
}

export function useViewer(app: FastifyInstance, sessions: SessionsService): void {
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionKey', null);
  app.addHook('onRequest', async (request) => {
    request.viewer = ANONYMOUS;
    const key = request.cookies[SESSION_COOKIE.name];
    if (!key) return;
    const resumed = await sessions.resume(key);
    if (!resumed) return;
    request.viewer = viewerOf(resumed.user, 'session', 'write');
    request.account = resumed.user;
    request.sessionKey = key;
  });
}
