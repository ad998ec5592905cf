// The visitor's cookie choices: the panel's own page (for browsers without JavaScript), the post
// every banner, panel and placeholder form sends (CSRF-checked like every unsafe request), and
// the registry as JSON, which the cookie audit (src/audit) reads.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { serializePreferences } from '../core/consent.ts';
import { CONSENT_COOKIE } from '../core/cookies.ts';
import { clearServiceCookie, setPortalCookie } from '../http/cookie-jar.ts';
import { keepPrivate } from '../http/viewer-caching.ts';
import { PREFERENCES_PATH } from './components/consent/consent-buttons.tsx';
import { readConsentForm } from './consent-form.ts';
import { registryDocument } from './consent-registry.ts';
import { safeNext } from './language.routes.ts';
import { pageContext } from './page-context.ts';
import { ConsentPreferencesPage } from './pages/consent-preferences-page.tsx';
import { sendPage } from './render.ts';
import type { SiteOptions } from './site-options.ts';

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function consentRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { consent } = options.services;

  scope.get('/cookies/preferences', async (request, reply) => {
    const ctx = pageContext(request, options);
    keepPrivate(reply);
    return sendPage(
      reply,
      ctx,
      ConsentPreferencesPage({ ctx, next: safeNext(ctx.query.get('next')) }),
    );
  });

  scope.post<{ Body: Record<string, unknown> | undefined }>(
    '/cookies/preferences',
    async (request, reply: FastifyReply) => {
      const body = request.body ?? {};
      const { policy, stored } = request.consent;
      const decision = readConsentForm(body, policy.services);
      const { preferences, withdrawn } = await consent.decide(stored, decision);
      setPortalCookie(request, reply, CONSENT_COOKIE, serializePreferences(preferences));
      const cleared: string[] = [];
      for (const service of withdrawn) {
        for (const cookie of service.cookies) {
          clearServiceCookie(request, reply, service, cookie.name);
          cleared.push(cookie.name);
        }
      }
      keepPrivate(reply);
      if (wantsJson(request)) {
        const ctx = pageContext(request, options);
        return reply.send({
          policyVersion: preferences.policyVersion,
          services: preferences.services,
          statisticsOptOut: preferences.statisticsOptOut,
          cleared,
          message: ctx.t('consent.saved'),
        });
      }
      const next = safeNext(body['next']);
      // Back from the panel's own page, the visitor sees the choice was saved.
      const target = next.startsWith(PREFERENCES_PATH) ? `${PREFERENCES_PATH}?saved=1` : next;
      return reply.redirect(target, 303);
    },
  );

  scope.get('/cookies/registry.json', async (request, reply) => {
    const { policy } = request.consent;
    return reply
      .header('cache-control', 'no-cache')
      .send(registryDocument(policy, options.portalName));
  });
}
