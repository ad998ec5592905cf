// Every cookie the portal sets, with what the cookie policy page says of it. Code that sets a
// cookie takes its name and attributes from here (through src/http/cookie-jar.ts, the only
// code allowed to write a Set-Cookie header), so the policy cannot drift from the code.

export interface CookieSpec {
  name: string;
  /** The message key of its purpose, shown on the cookie policy page. */
  purposeKey: string;
  /** Lifetime in seconds. */
  maxAgeSeconds: number;
  /** Hidden from the page's scripts. */
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  path: string;
}

const DAY = 24 * 60 * 60;
const WEEK = 7 * DAY;

/** The signed-in user's session key (Django's SESSION_COOKIE_*: two weeks, HttpOnly). */
export const SESSION_COOKIE: CookieSpec = {
  name: 'sessionid',
  purposeKey: 'cookie.session',
  maxAgeSeconds: 2 * WEEK,
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
};

export const LANGUAGE_COOKIE: CookieSpec = {
  name: 'django_language',
  purposeKey: 'cookie.language',
  // Twelve months, the longest a consent-free preference cookie should live.
  maxAgeSeconds: 365 * DAY,
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
  purposeKey: 'cookie.csrf',
  maxAgeSeconds: 52 * WEEK,
  httpOnly: false,
  sameSite: 'lax',
  path: '/',
};

/** In the order of the cookie policy's table. */
export const PORTAL_COOKIES: readonly CookieSpec[] = [SESSION_COOKIE, LANGUAGE_COOKIE, CSRF_COOKIE];
