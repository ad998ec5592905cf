// Every cookie the portal sets, with what the cookie policy page says of it. Code that sets a
// cookie takes its name and attributes from here, so the policy cannot drift from the code.

export interface CookieSpec {
  name: string;
  /** The message keys of its purpose and of the reason it is needed. */
  purposeKey: string;
  /** Lifetime in seconds. */
  maxAgeSeconds: number;
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  path: string;
}

const DAY = 24 * 60 * 60;

export const LANGUAGE_COOKIE: CookieSpec = {
  name: 'django_language',
  purposeKey: 'cookie.language',
  // Twelve months, the longest a consent-free preference cookie should live.
  maxAgeSeconds: 365 * DAY,
  httpOnly: false,
  sameSite: 'lax',
  path: '/',
};

export const PORTAL_COOKIES: readonly CookieSpec[] = [LANGUAGE_COOKIE];
