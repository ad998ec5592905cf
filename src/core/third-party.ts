// A third-party service an administrator adds to the portal (a video host, an external audience
// tag, a tile basemap, a social widget): who provides it, why, what it loads and which cookies
// it sets. Nothing of it reaches a page before the visitor consents to it (services/consent).

import type { CookieCategory } from './cookies.ts';
import { PortalError } from './errors.ts';

/**
 * What the service puts in pages: `script` a tag on every page; `iframe` an embed under the
 * home page's presentation; `tiles` the map tab's basemap (`{z}`, `{x}`, `{y}` in the URL).
 */
export type ServiceKind = 'script' | 'iframe' | 'tiles';
export const SERVICE_KINDS: readonly ServiceKind[] = ['script', 'iframe', 'tiles'];

/** Audience measurement that is not exempt (it is external), or any other provider's content. */
export type ServiceCategory = Exclude<CookieCategory, 'necessary'>;
export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['statistics', 'third-party'];

export interface LocalizedText {
  fr: string;
  en: string;
}

/** A cookie the service sets, as its provider documents it. */
export interface DeclaredCookie {
  name: string;
  /** Lifetime in seconds; 0 for a cookie that ends with the browsing session. */
  maxAgeSeconds: number;
}

export interface ThirdPartyService {
  /** Lowercase letters, digits and "-"; the key of the visitor's choice. */
  id: string;
  /** The service's name, as visitors know it ("YouTube", "OpenStreetMap France"). */
  name: string;
  /** The company or body behind it. */
  provider: string;
  category: ServiceCategory;
  purpose: LocalizedText;
  kind: ServiceKind;
  /** The script's URL, the embed's URL, or the tile URL template. */
  url: string;
  /** Credit shown with the content (required by most tile providers). */
  attribution: string;
  cookies: DeclaredCookie[];
  /** The provider's privacy policy. */
  privacyUrl: string | null;
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
// RFC 6265's cookie-name token: no separators, controls or spaces.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;
const TILE_PLACEHOLDERS = ['{z}', '{x}', '{y}'];

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_SERVICE_INVALID', { detail });
}

function httpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${what} "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`${what} must be an http(s) URL, not ${url.protocol}.`);
  }
  return url;
}

function text(value: string, what: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(`${what} is empty.`);
  if (trimmed.length > max) throw invalid(`${what} is longer than ${max} characters.`);
  return trimmed;
}

/** Checks and tidies a declaration before it is stored (DG_ERR_SERVICE_INVALID). */
export function validateService(service: ThirdPartyService): ThirdPartyService {
  if (!ID.test(service.id)) {
    throw invalid(`Service id "${service.id}": use 1 to 40 lowercase letters, digits and "-".`);
  }
  if (!SERVICE_KINDS.includes(service.kind)) {
    throw invalid(`Service kind "${service.kind}": use ${SERVICE_KINDS.join(', ')}.`);
  }
  if (!SERVICE_CATEGORIES.includes(service.category)) {
    throw invalid(`Service category "${service.category}": use ${SERVICE_CATEGORIES.join(', ')}.`);
  }
  const template = service.url.trim();
  // The placeholders are not valid in a URL's host, so check the URL with them filled in.
  httpUrl(template.replace(/\{[zxys]\}/g, '0'), 'The URL');
  if (service.kind === 'tiles' && !TILE_PLACEHOLDERS.every((part) => template.includes(part))) {
    throw invalid('A tile URL must hold {z}, {x} and {y}.');
  }
  const names = new Set<string>();
  for (const cookie of service.cookies) {
    if (!COOKIE_NAME.test(cookie.name)) throw invalid(`Cookie name "${cookie.name}" is not valid.`);
    if (names.has(cookie.name)) throw invalid(`Cookie ${cookie.name} is declared twice.`);
    if (!Number.isInteger(cookie.maxAgeSeconds) || cookie.maxAgeSeconds < 0) {
      throw invalid(`Cookie ${cookie.name}: the lifetime must be a whole number of seconds.`);
    }
    names.add(cookie.name);
  }
  return {
    id: service.id,
    name: text(service.name, 'The name', 100),
    provider: text(service.provider, 'The provider', 200),
    category: service.category,
    purpose: {
      fr: text(service.purpose.fr, 'The French purpose', 500),
      en: text(service.purpose.en, 'The English purpose', 500),
    },
    kind: service.kind,
    url: template,
    attribution: service.attribution.trim().slice(0, 300),
    cookies: service.cookies.map((cookie) => ({ ...cookie })),
    privacyUrl: service.privacyUrl ? httpUrl(service.privacyUrl, 'The privacy URL').href : null,
  };
}

/** The origin the service's content comes from, which the page's CSP must let in. */
export function serviceOrigin(service: ThirdPartyService): string {
  // Tile templates may spread requests over subdomains ({s}.tile.example.org).
  const url = new URL(service.url.replace(/\{[zxy]\}/g, '0').replace('{s}', 'a'));
  if (service.url.includes('{s}')) {
    return `${url.protocol}//*.${url.host.split('.').slice(1).join('.')}`;
  }
  return url.origin;
}
