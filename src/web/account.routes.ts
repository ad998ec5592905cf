// Signing in and out, and the signed-in user's own page: /login/, /logout/, /account/ with the
// password change and the API keys. Every POST passes the CSRF check first (http/plugins/csrf).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { User } from '../core/account.ts';
import { SESSION_COOKIE } from '../core/cookies.ts';
import { isPortalError } from '../core/errors.ts';
import { clearPortalCookie, setPortalCookie } from '../http/cookie-jar.ts';
import { rotateCsrfSecret } from '../http/plugins/csrf.ts';
import { safeNext } from './language.routes.ts';
import { pageContext } from './page-context.ts';
import { AccountPage } from './pages/account/account-page.tsx';
import { LoginPage } from './pages/account/login-page.tsx';
import { LogoutPage } from './pages/account/logout-page.tsx';
import { sendPage } from './render.ts';
import type { SiteOptions } from './site-options.ts';

type Form = Record<string, unknown> | undefined;

function field(body: Form, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/** Pages that show account data or secrets are never stored by any cache. */
function neverCached(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

export function accountRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { auth } = options.services;

  /** The signed-in user (by session), or a redirect to the sign-in page. */
  function signedIn(request: FastifyRequest, reply: FastifyReply): User | null {
    if (request.viewer.via === 'session' && request.account) return request.account;
    // After signing in, a form's target (POST only) would be a 404: go to the account page.
    const next = request.method === 'GET' ? request.url : '/account/';
    void reply.redirect(`/login/?next=${encodeURIComponent(next)}`, 303);
    return null;
  }

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { created?: string; notice?: { kind: 'success' | 'error'; text: string } } = {},
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const keys = await auth.apiKeys.list(user.id);
    return sendPage(neverCached(reply), ctx, AccountPage({ ctx, user, keys, ...extra }), status);
  }

  scope.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const ctx = pageContext(request, options);
    return sendPage(
      neverCached(reply),
      ctx,
      LoginPage({ ctx, next: safeNext(request.query.next) }),
    );
  });

  scope.post<{ Body: Form }>('/login', async (request, reply) => {
    const email = field(request.body, 'email');
    const next = safeNext(field(request.body, 'next') || '/account/');
    try {
      const { session } = await auth.auth.signIn(
        email,
        field(request.body, 'password'),
        request.ip,
        request.cookies[SESSION_COOKIE.name],
      );
      setPortalCookie(request, reply, SESSION_COOKIE, session.key);
      rotateCsrfSecret(request, reply);
      return reply.redirect(next, 303);
    } catch (error) {
      if (!isPortalError(error)) throw error;
      const ctx = pageContext(request, options);
      const message =
        error.code === 'DG_ERR_AUTH_LOGIN_THROTTLED'
          ? ctx.t('login.throttled', { minutes: String(error.params['minutes'] ?? 15) })
          : ctx.t('login.failed');
      const page = LoginPage({ ctx, next, email, error: message });
      return sendPage(neverCached(reply), ctx, page, error.status);
    }
  });

  scope.get('/logout', async (request, reply) => {
    const ctx = pageContext(request, options);
    return sendPage(neverCached(reply), ctx, LogoutPage({ ctx }));
  });

  scope.post('/logout', async (request, reply) => {
    const key = request.cookies[SESSION_COOKIE.name];
    if (key) await auth.auth.signOut(key);
    clearPortalCookie(request, reply, SESSION_COOKIE);
    return reply.redirect('/logout/', 303);
  });

  scope.get('/account', async (request, reply) => {
    const user = signedIn(request, reply);
    return user ? accountPage(request, reply, user) : reply;
  });

  scope.post<{ Body: Form }>('/account/password', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    const ctx = pageContext(request, options);
    const password = field(request.body, 'password');
    const fail = (text: string) =>
      accountPage(request, reply, user, { notice: { kind: 'error', text } }, 400);
    if (password !== field(request.body, 'confirm'))
      return fail(ctx.t('account.password.mismatch'));
    try {
      // The current password proves it is the user, not someone at an unattended screen.
      await auth.auth.checkPassword(user.email, field(request.body, 'current'), request.ip);
      await auth.accounts.changePassword(user.id, password);
    } catch (error) {
      if (!isPortalError(error)) throw error;
      if (error.code === 'DG_ERR_AUTH_LOGIN_FAILED') return fail(ctx.t('account.password.wrong'));
      if (error.code === 'DG_ERR_AUTH_LOGIN_THROTTLED') {
        return fail(ctx.t('login.throttled', { minutes: String(error.params['minutes'] ?? 15) }));
      }
      return fail(ctx.t('account.password.rules'));
    }
    // Every session ended with the old password; this browser gets a new one.
    const session = await auth.auth.renewSession(user, request.sessionKey ?? undefined);
    setPortalCookie(request, reply, SESSION_COOKIE, session.key);
    rotateCsrfSecret(request, reply);
    return accountPage(request, reply, user, {
      notice: { kind: 'success', text: ctx.t('account.password.changed') },
    });
  });

  scope.post<{ Body: Form }>('/account/api-keys', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    const ctx = pageContext(request, options);
    try {
      const created = await auth.apiKeys.create(user.id, {
        label: field(request.body, 'label'),
        scope: field(request.body, 'scope') || 'read',
        expiresAt: field(request.body, 'expires') || null,
      });
      await options.services.activity.record(request.viewer, 'api_key.create', null, {
        key: { before: null, after: created.apiKey.id },
        label: { before: null, after: created.apiKey.label },
        scope: { before: null, after: created.apiKey.scope },
        expiresAt: { before: null, after: created.apiKey.expiresAt },
      });
      return accountPage(request, reply, user, { created: created.key });
    } catch (error) {
      if (!isPortalError(error) || error.code !== 'DG_ERR_ACCOUNT_INVALID') throw error;
      const notice = { kind: 'error' as const, text: ctx.t('account.keys.invalid') };
      return accountPage(request, reply, user, { notice }, 400);
    }
  });

  scope.post<{ Params: { key_id: string } }>(
    '/account/api-keys/:key_id/revoke',
    async (request, reply) => {
      const user = signedIn(request, reply);
      if (!user) return reply;
      // Someone else's key is answered like an unknown one.
      await auth.apiKeys.revoke(request.params.key_id, user.id);
      await options.services.activity.record(request.viewer, 'api_key.revoke', null, {
        key: { before: request.params.key_id, after: request.params.key_id },
        revoked: { before: false, after: true },
      });
      const ctx = pageContext(request, options);
      return accountPage(request, reply, user, {
        notice: { kind: 'success', text: ctx.t('account.keys.revokedNotice') },
      });
    },
  );
}
