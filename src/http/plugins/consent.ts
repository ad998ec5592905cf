// The visitor's consent on every site request: their `cookies_preferences` choices, whether they
// still stand under the current policy, and which third-party services they allow. Pages read
// it to show the banner and to put in (or hold back) each service; the page's
// Content-Security-Policy lets in the configured services' origins, and nothing else.

import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { ConsentPolicy, ConsentService } from '../../consent/index.ts';
import type { ConsentPreferences } from '../../core/consent.ts';
import { allows, isCurrent, parsePreferences } from '../../core/consent.ts';
import { CONSENT_COOKIE } from '../../core/cookies.ts';
import { contentSecurityPolicy, thirdPartySources } from './security-headers.ts';

export interface ConsentState {
  policy: ConsentPolicy;
  /** The choices the cookie holds, even outdated (the statistics opt-out never lapses). */
  stored: ConsentPreferences | null;
  /** The choices if they answer the current policy and have not expired. */
  standing: ConsentPreferences | null;
  /** Some service waits for an answer the visitor has not given: the banner shows. */
  needsChoice: boolean;
  allows(serviceId: string): boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    consent: ConsentState;
  }
}

export function consentState(request: FastifyRequest, policy: ConsentPolicy): ConsentState {
  const now = new Date();
  const stored = parsePreferences(request.cookies[CONSENT_COOKIE.name]);
  const standing = isCurrent(stored, policy.version, now) ? stored : null;
  return {
    policy,
    stored,
    standing,
    needsChoice: policy.services.length > 0 && standing === null,
    allows: (serviceId) => allows(standing, policy.version, serviceId, now),
  };
}

/** For the site's scope: loads the state before the handlers run. */
export function useConsent(scope: FastifyInstance, consent: ConsentService): void {
  scope.decorateRequest('consent', null as unknown as ConsentState);
  scope.addHook('onRequest', async (request, reply) => {
    const policy = await consent.policy();
    request.consent = consentState(request, policy);
    if (policy.services.length > 0) {
      void reply.header(
        'content-security-policy',
        contentSecurityPolicy(thirdPartySources(policy.services)),
      );
    }
  });
}
