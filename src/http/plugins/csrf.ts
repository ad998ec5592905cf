// CSRF protection with Django's wire format (see http/csrf/token.ts): the `csrftoken` cookie
// holds the secret, each page gets a fresh masked token from `request.csrfToken()`, and every
// unsafe request that an ambient credential could forge is checked, in Django's order with the
// Fetch Metadata check in front: Sec-Fetch-Site, Origin, Referer (HTTPS), cookie, token.
//
// Checked: every unsafe request to the site (anything outside /api/, signed in or not), and
// unsafe API requests that carry the `sessionid` cookie and no API key. A request authenticated
// by an API key is never checked: no browser adds a key on its own.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { CSRF_COOKIE, SESSION_COOKIE } from '../../core/cookies.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { PortalError } from '../../core/errors.ts';
import { setPortalCookie } from '../cookie-jar.ts';
import { requestCredential } from '../credentials.ts';
import type { OriginFailure } from '../csrf/origin-check.ts';
import { checkRequestOrigin } from '../csrf/origin-check.ts';
import {
  CSRF_SECRET_LENGTH,
  checkCsrfToken,
  isWellFormed,
  maskCsrfSecret,
  newCsrfSecret,
  unmaskCsrfToken,
} from '../csrf/token.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A multipart form route that checks the token itself, from the form's first field, as it
     * streams the body (`verifyCsrfField`): the body is not parsed before the handler runs.
     */
    csrfTokenInMultipart?: boolean;
  }
  interface FastifyRequest {
    /**
     * A freshly masked CSRF token for the page being built; the first call sends the
     * `csrftoken` cookie when the visitor has no valid one.
     */
    csrfToken(): string;
  }
}

export const CSRF_FIELD = 'csrfmiddlewaretoken';
export const CSRF_HEADER = 'x-csrftoken';
/** Methods that change nothing (RFC 9110 §9.2.1); the CSRF check and read-only keys allow them. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export interface CsrfOptions {
  /** DATAGORA_CSRF_TRUSTED_ORIGINS. */
  trustedOrigins: readonly string[];
}

interface CsrfState {
  reply: FastifyReply;
  /** The secret of a valid cookie the request came with (null if none). */
  cookieSecret: string | null;
  /** The secret tokens of this response stand for (the cookie's, or a new one). */
  secret: string | null;
  /** The cookie held a pre-Django-4.1 masked value: send the bare secret back. */
  legacyCookie: boolean;
  tokenIssued: boolean;
}

const states = new WeakMap<FastifyRequest, CsrfState>();

function stateOf(request: FastifyRequest): CsrfState {
  const state = states.get(request);
  if (!state) throw new Error('the CSRF plugin is not registered on this server');
  return state;
}

function readCookie(value: string | undefined): { secret: string | null; legacy: boolean } {
  if (!isWellFormed(value)) return { secret: null, legacy: false };
  const secret = unmaskCsrfToken(value as string);
  return { secret, legacy: (value as string).length !== CSRF_SECRET_LENGTH };
}

/** Gives the visitor a new secret (at sign-in): tokens of earlier pages stop working. */
export function rotateCsrfSecret(request: FastifyRequest, reply: FastifyReply): void {
  const state = stateOf(request);
  state.secret = newCsrfSecret();
  state.legacyCookie = false;
  setPortalCookie(request, reply, CSRF_COOKIE, state.secret);
}

function issueToken(this: FastifyRequest): string {
  const state = stateOf(this);
  if (state.secret === null || state.legacyCookie) {
    state.secret ??= newCsrfSecret();
    state.legacyCookie = false;
    setPortalCookie(this, state.reply, CSRF_COOKIE, state.secret);
  }
  state.tokenIssued = true;
  return maskCsrfSecret(state.secret);
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Whether this request must pass the check (see the head of this file). */
export function mustCheckCsrf(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  // An unknown URL has nothing to protect: it gets its 404.
  if (request.routeOptions.url === undefined) return false;
  if (!isApiPath(request.url.split('?')[0] ?? '')) return true;
  if (requestCredential(request)?.kind === 'apikey') return false;
  return request.cookies[SESSION_COOKIE.name] !== undefined;
}

function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(header(request, 'content-type') ?? '');
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Header values echoed in messages are cut short. */
function shown(value: string | undefined): string {
  if (value === undefined) return 'none';
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

const ORIGIN_ERRORS: Record<OriginFailure, ErrorCode> = {
  'cross-site': 'DG_ERR_CSRF_CROSS_SITE',
  origin: 'DG_ERR_CSRF_ORIGIN_MISMATCH',
  referer: 'DG_ERR_CSRF_REFERER',
};

function submittedToken(request: FastifyRequest): unknown {
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (field !== undefined && field !== '') return Array.isArray(field) ? field[0] : field;
  }
  return header(request, CSRF_HEADER);
}

/** Throws the registry error of the first check that fails. */
export function verifyCsrf(request: FastifyRequest, options: CsrfOptions): void {
  verifyCsrfOrigin(request, options);
  verifyCsrfField(request, submittedToken(request));
}

/** The checks that need no body: Fetch Metadata, Origin, Referer, and the cookie's presence. */
function verifyCsrfOrigin(request: FastifyRequest, options: CsrfOptions): void {
  const origin = header(request, 'origin');
  const referer = header(request, 'referer');
  const secFetchSite = header(request, 'sec-fetch-site');
  const failure = checkRequestOrigin(
    { protocol: request.protocol, host: request.host, secFetchSite, origin, referer },
    options.trustedOrigins,
  );
  if (failure !== null) {
    throw new PortalError(ORIGIN_ERRORS[failure], {
      site: shown(secFetchSite),
      origin: shown(origin),
      detail: referer === undefined ? 'no Referer' : `Referer ${shown(referer)}`,
    });
  }
  if (stateOf(request).cookieSecret === null) throw new PortalError('DG_ERR_CSRF_COOKIE_MISSING');
}

/**
 * Checks a submitted token against the cookie's secret. A multipart route
 * (`csrfTokenInMultipart`) calls it with its first field before it reads any file.
 */
export function verifyCsrfField(request: FastifyRequest, token: unknown): void {
  const secret = stateOf(request).cookieSecret;
  if (secret === null) throw new PortalError('DG_ERR_CSRF_COOKIE_MISSING');
  if (token === undefined || token === '') throw new PortalError('DG_ERR_CSRF_TOKEN_MISSING');
  const verdict = checkCsrfToken(token, secret);
  if (verdict !== 'valid') {
    throw new PortalError('DG_ERR_CSRF_TOKEN_WRONG', {
      detail: verdict === 'malformed' ? 'not 32 or 64 letters and digits' : 'another secret',
    });
  }
}

/** Adds `Cookie` to the Vary header, keeping what is there. */
function varyOnCookie(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  const names = vary.split(',').map((name) => name.trim().toLowerCase());
  if (names.includes('cookie') || names.includes('*')) return;
  void reply.header('vary', vary.trim() === '' ? 'Cookie' : `${vary}, Cookie`);
}

/** Registers the request decoration and the hooks on the root instance (after @fastify/cookie). */
export function useCsrf(app: FastifyInstance, options: CsrfOptions): void {
  app.decorateRequest('csrfToken', issueToken);
  app.addHook('onRequest', async (request, reply) => {
    const { secret, legacy } = readCookie(request.cookies[CSRF_COOKIE.name]);
    states.set(request, {
      reply,
      cookieSecret: secret,
      secret,
      legacyCookie: legacy,
      tokenIssued: false,
    });
  });
  app.addHook('preHandler', async (request) => {
    if (!mustCheckCsrf(request)) return;
    if (request.routeOptions.config.csrfTokenInMultipart && isMultipart(request)) {
      // The route checks the form's token field before it reads any file.
      verifyCsrfOrigin(request, options);
      return;
    }
    verifyCsrf(request, options);
  });
  // A page holding a token is the visitor's own: shared caches must not keep it.
  app.addHook('onSend', async (request, reply) => {
    if (!states.get(request)?.tokenIssued) return;
    varyOnCookie(reply);
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!/\b(private|no-store)\b/i.test(cacheControl)) {
      void reply.header('cache-control', 'private, no-cache');
    }
  });
}
