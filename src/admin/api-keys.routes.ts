// /backoffice/api-keys/ (every signed-in user): one's own API keys; administrators see and may
// revoke every key. The key itself is shown once, on the answer to its creation (never in a URL);
// the pages are never cached.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isPortalError } from '../core/errors.ts';
import type { PageContext } from '../web/page-context.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { logAction, subject } from './account-activity.ts';
import { signedInOnly } from './admin-access.ts';
import type { ApiKeysPageState } from './api-keys-page.tsx';
import { ApiKeysPage } from './api-keys-page.tsx';
import { apiKeyFromBody, checkApiKey, emptyApiKeyForm } from './api-key-form.ts';
import type { Notice } from './backoffice-frame.tsx';
import { API_KEYS_PATH } from './backoffice-menu.tsx';

type Form = Record<string, unknown> | undefined;

function noticeOf(ctx: PageContext): Notice | null {
  return ctx.query.get('done') === 'revoked'
    ? { kind: 'success', text: ctx.t('account.keys.revokedNotice') }
    : null;
}

export function apiKeysRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { apiKeys, accounts } = options.services.auth;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<ApiKeysPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const admin = request.viewer.role === 'admin';
    const keys = await apiKeys.list(admin ? undefined : request.viewer.userId!);
    const owners = admin ? new Map((await accounts.listUsers()).map((u) => [u.id, u])) : null;
    const full: ApiKeysPageState = {
      keys,
      owners,
      form: emptyApiKeyForm(),
      problems: {},
      created: null,
      notice: noticeOf(ctx),
      ...state,
    };
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, ApiKeysPage({ ctx, state: full }), status);
  }

  scope.get('/backoffice/api-keys', async (request, reply) => {
    if (!(await signedInOnly(request, reply, API_KEYS_PATH))) return reply;
    return page(request, reply, {});
  });

  scope.post<{ Body: Form }>('/backoffice/api-keys', async (request, reply) => {
    if (!(await signedInOnly(request, reply, API_KEYS_PATH))) return reply;
    const ctx = pageContext(request, options);
    const form = apiKeyFromBody(request.body);
    const problems = checkApiKey(form, new Date().toISOString().slice(0, 10));
    const errors: Notice = { kind: 'error', text: ctx.t('bo.notice.errors') };
    if (Object.keys(problems).length > 0) {
      return page(request, reply, { form, problems, notice: errors }, 400);
    }
    const created = await apiKeys.create(request.viewer.userId!, {
      label: form.label,
      scope: form.scope,
      // The key stays valid through the day it names (UTC).
      expiresAt: form.expires ? `${form.expires}T23:59:59.999Z` : null,
    });
    await logAction(options.services, request, 'api_key.create', {
      key: { before: null, after: created.apiKey.id },
      label: { before: null, after: created.apiKey.label },
      scope: { before: null, after: created.apiKey.scope },
      expiresAt: { before: null, after: created.apiKey.expiresAt },
    });
    const notice: Notice = { kind: 'success', text: ctx.t('account.keys.created') };
    return page(request, reply, { created: created.key, notice }, 201);
  });

  scope.post<{ Params: { id: string } }>(
    '/backoffice/api-keys/:id/revoke',
    async (request, reply) => {
      if (!(await signedInOnly(request, reply, API_KEYS_PATH))) return reply;
      const admin = request.viewer.role === 'admin';
      try {
        // Someone else's key is, to a user, the same as an unknown one.
        await apiKeys.revoke(request.params.id, admin ? undefined : request.viewer.userId!);
      } catch (error) {
        if (!isPortalError(error) || error.code !== 'DG_ERR_API_KEY_NOT_FOUND') throw error;
        const ctx = pageContext(request, options);
        const notice: Notice = { kind: 'error', text: ctx.t('bo.keys.unknown') };
        return page(request, reply, { notice }, 404);
      }
      await logAction(options.services, request, 'api_key.revoke', {
        ...subject('key', request.params.id),
        revoked: { before: false, after: true },
      });
      return reply.redirect(`${API_KEYS_PATH}?done=revoked`, 303);
    },
  );
}
