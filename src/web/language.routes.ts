// POST /i18n/setlang/: the only way the language cookie is set (Django's set_language): the
// chosen language is remembered, then the visitor goes back to `next` when it is a path of
// this site, or home.

import type { FastifyInstance } from 'fastify';

import { LANGUAGE_COOKIE } from '../core/cookies.ts';
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
        void reply.setCookie(LANGUAGE_COOKIE.name, language, {
          maxAge: LANGUAGE_COOKIE.maxAgeSeconds,
          path: LANGUAGE_COOKIE.path,
          sameSite: LANGUAGE_COOKIE.sameSite,
          httpOnly: LANGUAGE_COOKIE.httpOnly,
          // Secure whenever the site is reached over HTTPS (directly or through a trusted proxy).
          secure: request.protocol === 'https',
        });
      }
      return reply.redirect(next, 302);
    },
  );
}
