// Every cookie the portal itself sets, with what the cookie policy page says of it. Code that
// sets a cookie takes its name and attributes from here (through src/http/cookie-jar.ts, the only
// code allowed to write a Set-Cookie header), so the policy cannot drift from the code. The
// cookies of third-party services are declared with each service (core/third-party.ts).

/**
 * How the policy sorts cookies: `necessary` ones need no consent; `statistics` are audience
 * measurement (exempt only when anonymous, first-party and opt-out-able); `third-party` ones
 * belong to another provider's service and wait for consent.
 */
export type CookieCategory = 'necessary' | 'statistics' | 'third-party';

export const COOKIE_CATEGORIES: readonly CookieCategory[] = [
  'necessary',
  'statistics',
  'third-party',
];

export interface CookieSpec {
  name: string;
  category: CookieCategory;
  /** The message key of what sets it and where ("function and location" on the policy page). */
  functionKey: string;
  /** The message key of its purpose, shown on the cookie policy page. */
  purposeKey: string;
  /** Lifetime in seconds. */
  maxAgeSeconds: number;
  /** Hidden from the page's scripts. */
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  path: string;
}

export const DAY_SECONDS = 24 * 60 * 60;
const WEEK = 7 * DAY_SECONDS;

/** The signed-in user's session key (Django's SESSION_COOKIE_*: two weeks, HttpOnly). */
export const SESSION_COOKIE: CookieSpec = {
  name: 'sessionid',
  category: 'necessary',
  functionKey: 'cookie.session.function',
  purposeKey: 'cookie.session',
  maxAgeSeconds: 2 * WEEK,
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
};

export const LANGUAGE_COOKIE: CookieSpec = {
  name: 'django_language',
  category: 'necessary',
  functionKey: 'cookie.language.function',
  purposeKey: 'cookie.language',
  // Twelve months, the longest a consent-free preference cookie should live.
  maxAgeSeconds: 365 * DAY_SECONDS,
  httpOnly: false,
  sameSite: 'lax',
  path: '/',
};

/**
 * The CSRF secret (Django's CSRF_COOKIE_*: 52 weeks). Scripts of the site read it to send the
 * `X-CSRFToken` header, so it is not HttpOnly; it proves nothing on its own (see docs/security.md).
 */
export const CSRF_COOKIE: CookieSpec = {
  name: 'csrftoken',
  category: 'necessary',
  functionKey: 'cookie.csrf.function',
  purposeKey: 'cookie.csrf',
  maxAgeSeconds: 52 * WEEK,
  httpOnly: false,
  sameSite: 'lax',
  path: '/',
};

/**
 * The visitor's cookie choices (core/consent.ts): 180 days, the CNIL's suggested six months,
 * after which the banner asks again.
 */
export const CONSENT_COOKIE: CookieSpec = {
  name: 'cookies_preferences',
  category: 'necessary',
  functionKey: 'cookie.consent.function',
  purposeKey: 'cookie.consent',
  maxAgeSeconds: 180 * DAY_SECONDS,
  httpOnly: false,
  sameSite: 'lax',
  path: '/',
};

/** In the order of the cookie policy's table. */
export const PORTAL_COOKIES: readonly CookieSpec[] = [
  SESSION_COOKIE,
  LANGUAGE_COOKIE,
  CSRF_COOKIE,
  CONSENT_COOKIE,
];
