// What every page needs to render: the visitor's language and messages, where it is, and the
// portal's settings. Built once per request from the request and the site's options.

import type { FastifyRequest } from 'fastify';

import type { Viewer } from '../core/access.ts';
import type { ConsentState } from '../http/plugins/consent.ts';
import { LANGUAGE_COOKIE } from '../core/cookies.ts';
import type { Lang } from '../i18n/languages.ts';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages.ts';
import { negotiateLanguage } from '../i18n/negotiate.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import { formatNumber, plural, translator } from '../i18n/translate.ts';
import type { SiteOptions } from './site-options.ts';

/** What the pages show of the portal settings (stored ones, else the configuration's). */
export interface PageSettings {
  languages: readonly Lang[];
  defaultLanguage: Lang;
  contactEmail: string;
  /** The logo's URL, or null. */
  logoUrl: string | null;
}

export interface PageContext {
  lang: Lang;
  t: Translate;
  /** A count with its noun, from a `singular|plural` message. */
  count: (key: MessageKey, count: number) => string;
  number: (value: number) => string;
  /** The path of the page asked for (no query string). */
  path: string;
  /** The path and query string, as asked for. */
  url: string;
  query: URLSearchParams;
  /** The site's options, the portal's name and theme as the stored settings say. */
  site: SiteOptions;
  settings: PageSettings;
  /** The page's CSRF token, for its POST forms (`<CsrfField ctx={ctx} />`); one per page. */
  csrfToken: () => string;
  /** The signed-in visitor, or null. */
  account: { name: string; email: string } | null;
  /** Who asks: pages show only the datasets they may read. */
  viewer: Viewer;
  /** The visitor's cookie choices; null when they could not be read (an error page then). */
  consent: ConsentState | null;
}

export function requestLanguage(request: FastifyRequest): Lang {
  return negotiateLanguage(
    request.cookies[LANGUAGE_COOKIE.name],
    request.headers['accept-language'],
    request.portalSettings ?? undefined,
  );
}

export function pageContext(request: FastifyRequest, options: SiteOptions): PageContext {
  const lang = requestLanguage(request);
  const stored = request.portalSettings;
  const site: SiteOptions = stored
    ? { ...options, portalName: stored.portalName, stateIdentity: stored.stateIdentity }
    : options;
  const settings: PageSettings = {
    languages: stored?.languages ?? LANGUAGES,
    defaultLanguage: stored?.defaultLanguage ?? DEFAULT_LANG,
    contactEmail: stored?.contactEmail ?? '',
    logoUrl: stored?.logo ? `/assets/${stored.logo}` : null,
  };
  const url = request.url;
  const queryAt = url.indexOf('?');
  let token: string | undefined;
  return {
    lang,
    t: translator(lang),
    count: (key, n) => plural(lang, key, n),
    number: (value) => formatNumber(lang, value),
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    url,
    query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    site,
    settings,
    csrfToken: () => (token ??= request.csrfToken()),
    account:
      request.account && request.viewer.via === 'session'
        ? { name: request.account.name, email: request.account.email }
        : null,
    viewer: request.viewer,
    consent: request.consent ?? null,
  };
}
