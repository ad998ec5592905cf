// What the cookie audit works on: the registry a portal publishes (/cookies/registry.json) and
// what a browser observed while visiting the portal in each consent state. Plain JSON-friendly
// data, so the recorder, the checker and the report stay apart and the checker stays pure.

import type { CookieCategory } from '../core/cookies.ts';

/** The visitor's consent, as the audit plays it: no answer yet, refuse all, accept all. */
export type AuditState = 'no-choice' | 'refused' | 'accepted';
export const AUDIT_STATES: readonly AuditState[] = ['no-choice', 'refused', 'accepted'];

/** A portal cookie as /cookies/registry.json declares it. */
export interface RegistryCookie {
  name: string;
  category: CookieCategory;
  provider: string;
  maxAgeSeconds: number;
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  path: string;
  /** Marked Secure whenever the portal is served over HTTPS. */
  secureOverHttps: boolean;
}

/** A third-party service as /cookies/registry.json declares it. */
export interface RegistryService {
  id: string;
  name: string;
  provider: string;
  category: CookieCategory;
  kind: string;
  url: string;
  /** Where its content comes from; may hold a `*.` wildcard subdomain. */
  origin: string;
  cookies: { name: string; maxAgeSeconds: number }[];
}

export interface AuditRegistry {
  policyVersion: number;
  cookies: RegistryCookie[];
  services: RegistryService[];
}

export type SameSite = 'lax' | 'strict' | 'none';

/** A cookie's attributes as a Set-Cookie header or the browser's cookie jar shows them. */
export interface CookieAttributes {
  /** Null when the header names no Path (the browser then uses the request's directory). */
  path: string | null;
  /** Null for a host-only cookie. */
  domain: string | null;
  httpOnly: boolean;
  secure: boolean;
  /** Null when the header names none. */
  sameSite: SameSite | null;
  /** Seconds left to live; null for a cookie that ends with the browsing session. */
  maxAgeSeconds: number | null;
}

/**
 * One sighting of a cookie: a Set-Cookie header of a response (`origin` is the response's),
 * the `document.cookie` of a frame (the frame's origin; names only, scripts see no attribute),
 * or the browser's cookie jar (`origin` is the cookie's domain).
 */
export interface CookieSighting {
  name: string;
  source: 'set-cookie' | 'document.cookie' | 'jar';
  origin: string;
  /** The page being visited when it was seen (a name from the page list). */
  page: string;
  attributes: CookieAttributes | null;
  /** A Set-Cookie header that deletes the cookie (Max-Age ≤ 0 or an Expires in the past). */
  deletes: boolean;
}

/** A request whose origin is not the portal's. */
export interface RequestSighting {
  url: string;
  origin: string;
  /** What the browser fetched it as: script, document (an iframe), image… */
  resourceType: string;
  page: string;
}

export interface PageVisit {
  name: string;
  path: string;
  /** The HTTP status of the page, null when it did not load. */
  status: number | null;
  signedIn: boolean;
}

export interface StateRecord {
  state: AuditState;
  pages: PageVisit[];
  cookies: CookieSighting[];
  requests: RequestSighting[];
  /** Steps the recorder could not take (no banner to click, sign-in refused…). */
  problems: string[];
}

export interface AuditRecord {
  portalUrl: string;
  startedAt: string;
  finishedAt: string;
  chromiumVersion: string;
  /** The account the audit signed in with, if any. */
  signedInAs: string | null;
  states: StateRecord[];
}
