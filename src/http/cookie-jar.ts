// The one way the portal sets or clears a cookie: a cookie of the registry (core/cookies.ts),
// with the registry's attributes, Max-Age and Expires both, and Secure whenever the request
// came over HTTPS (directly or through a trusted proxy, DATAGORA_TRUST_PROXY). ESLint forbids
// `reply.setCookie`, `reply.clearCookie` and raw Set-Cookie headers everywhere else.

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { CookieSpec } from '../core/cookies.ts';
import { PORTAL_COOKIES } from '../core/cookies.ts';
import type { ThirdPartyService } from '../core/third-party.ts';

function registered(spec: CookieSpec): CookieSpec {
  if (!PORTAL_COOKIES.includes(spec)) {
    throw new Error(`cookie ${spec.name} is not in the registry (src/core/cookies.ts)`);
  }
  return spec;
}

function attributes(request: FastifyRequest, spec: CookieSpec, maxAgeSeconds: number) {
  return {
    maxAge: maxAgeSeconds,
    expires: new Date(maxAgeSeconds === 0 ? 0 : Date.now() + maxAgeSeconds * 1000),
    path: spec.path,
    sameSite: spec.sameSite,
    httpOnly: spec.httpOnly,
    secure: request.protocol === 'https',
  };
}

export function setPortalCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: CookieSpec,
  value: string,
): void {
  const cookie = registered(spec);
  // eslint-disable-next-line no-restricted-syntax -- this is the registry's helper
  void reply.setCookie(cookie.name, value, attributes(request, cookie, cookie.maxAgeSeconds));
}

/** Asks the browser to drop the cookie (same name, path and attributes, already expired). */
export function clearPortalCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: CookieSpec,
): void {
  const cookie = registered(spec);
  // eslint-disable-next-line no-restricted-syntax -- this is the registry's helper
  void reply.setCookie(cookie.name, '', attributes(request, cookie, 0));
}

/**
 * The domains a page's script may have set a cookie for, besides the host itself: each parent
 * of the host (an audience tag often writes on the site's registrable domain). A browser
 * ignores a deletion for a domain it would not have accepted (a public suffix), so listing
 * every parent is harmless. None for an IP address or a single-label host.
 */
export function parentDomains(hostname: string): string[] {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return [];
  const labels = hostname.split('.');
  const parents: string[] = [];
  for (let i = 1; i < labels.length - 1; i++) parents.push(labels.slice(i).join('.'));
  return parents;
}

/**
 * Asks the browser to drop a cookie a third-party service declared (after the visitor withdraws
 * their consent), on the portal's host and its parent domains, path `/`: where a script of the
 * page can have set it. Cookies a service sets on its own domain are out of the portal's reach.
 */
export function clearServiceCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  service: ThirdPartyService,
  name: string,
): void {
  if (!service.cookies.some((cookie) => cookie.name === name)) {
    throw new Error(`cookie ${name} is not declared by the service ${service.id}`);
  }
  const expired = {
    maxAge: 0,
    expires: new Date(0),
    path: '/',
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
  };
  // eslint-disable-next-line no-restricted-syntax -- this is the registry's helper
  void reply.setCookie(name, '', expired);
  for (const domain of parentDomains(request.hostname.replace(/:\d+$/, ''))) {
    // eslint-disable-next-line no-restricted-syntax -- this is the registry's helper
    void reply.setCookie(name, '', { ...expired, domain });
  }
}
