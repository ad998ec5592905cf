// POST /i18n/setlang/: the only way the language cookie is set (Django's set_language): the
// chosen language is remembered, then the visitor goes back to `next` when it is a path of
// this site, or home. Like every unsafe request to the site, it passes the CSRF check first
// (http/plugins/csrf.ts): the header's form carries the page's token.

import type { FastifyInstance } from 'fastify';

import { LANGUAGE_COOKIE } from '../core/cookies.ts';
import { setPortalCookie } from '../http/cookie-jar.ts';
import { isLang } from '../i18n/languages.ts';

/** A local path only: no scheme, no `//host`, no backslash tricks, no control characters. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) {
    return '/';
  }
  return next;
}

export function languageRoutes(scope: FastifyInstance): void {
  scope.post<{ Body: Record<string, unknown> | undefined }>(
    '/i18n/setlang',
    async (request, reply) => {
      const body = request.body ?? {};
      const language = body['language'];
      const next = safeNext(
        body['next'] ?? request.headers.referer?.replace(/^https?:\/\/[^/]+/, ''),
      );
      if (isLang(language)) {
        setPortalCookie(request, reply, LANGUAGE_COOKIE, language);
      }
      return reply.redirect(next, 302);
    },
  );
}
