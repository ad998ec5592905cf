// Reads one Set-Cookie header line as a browser does (and a `document.cookie` string's names) (RFC 6265 §5.2): the name, and the
// attributes the audit compares with the registry. Max-Age wins over Expires; the value is
// dropped (a session key has no place in an evidence report).

import type { CookieAttributes, SameSite } from './model.ts';

export interface SetCookieLine {
  name: string;
  attributes: CookieAttributes;
  /** The header deletes the cookie (Max-Age ≤ 0 or an Expires not in the future). */
  deletes: boolean;
}

function sameSite(value: string): SameSite | null {
  const lower = value.toLowerCase();
  return lower === 'lax' || lower === 'strict' || lower === 'none' ? lower : null;
}

/**
 * The cookie a Set-Cookie line sets, or null for a line a browser ignores (no `=` in its
 * first part, or an empty name). `receivedAt` turns an Expires date into seconds left.
 */
export function parseSetCookie(line: string, receivedAt: Date): SetCookieLine | null {
  const [pair = '', ...parts] = line.split(';');
  const equals = pair.indexOf('=');
  if (equals < 0) return null;
  const name = pair.slice(0, equals).trim();
  if (name === '') return null;
  const attributes: CookieAttributes = {
    path: null,
    domain: null,
    httpOnly: false,
    secure: false,
    sameSite: null,
    maxAgeSeconds: null,
  };
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    if (key === 'path') attributes.path = value.startsWith('/') ? value : null;
    else if (key === 'domain') attributes.domain = value === '' ? null : value.replace(/^\./, '');
    else if (key === 'httponly') attributes.httpOnly = true;
    else if (key === 'secure') attributes.secure = true;
    else if (key === 'samesite') attributes.sameSite = sameSite(value);
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = Math.round((time - receivedAt.getTime()) / 1000);
    }
  }
  attributes.maxAgeSeconds = maxAge ?? expires;
  const deletes = attributes.maxAgeSeconds !== null && attributes.maxAgeSeconds <= 0;
  return { name, attributes, deletes };
}

/** The names in a `document.cookie` string (`a=1; b=2`). */
export function documentCookieNames(value: string): string[] {
  return value
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter((name) => name !== '');
}
