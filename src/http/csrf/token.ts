// Django's CSRF wire format (4.1 and later), so that clients written for ODS portals keep
// working: the `csrftoken` cookie holds a 32-character secret of [A-Za-z0-9]; each page gets
// a fresh 64-character token, a random 32-character mask followed by the secret shifted by
// the mask character by character (modulo 62), so the token differs on every page (BREACH)
// while the secret stays. A request may send back either the masked token or the raw secret.

import { randomInt, timingSafeEqual } from 'node:crypto';

/** Django's alphabet, in its order (ascii_letters + digits), so masked tokens interoperate. */
export const CSRF_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const CSRF_SECRET_LENGTH = 32;
export const CSRF_TOKEN_LENGTH = 64;

const WELL_FORMED = /^[A-Za-z0-9]+$/;

function randomString(length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += CSRF_ALPHABET[randomInt(CSRF_ALPHABET.length)];
  return text;
}

/** A new secret from the operating system's CSPRNG (about 190 bits). */
export function newCsrfSecret(): string {
  return randomString(CSRF_SECRET_LENGTH);
}

/** 32 or 64 characters of the alphabet: the only shapes a secret or a token may take. */
export function isWellFormed(value: unknown, lengths = [CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH]) {
  return typeof value === 'string' && lengths.includes(value.length) && WELL_FORMED.test(value);
}

function shift(text: string, by: string, sign: 1 | -1): string {
  const n = CSRF_ALPHABET.length;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const a = CSRF_ALPHABET.indexOf(text[i] as string);
    const b = CSRF_ALPHABET.indexOf(by[i] as string);
    out += CSRF_ALPHABET[(((a + sign * b) % n) + n) % n];
  }
  return out;
}

/** A 64-character token for a page: the mask (random unless given) then the shifted secret. */
export function maskCsrfSecret(secret: string, mask = randomString(CSRF_SECRET_LENGTH)): string {
  if (!isWellFormed(secret, [CSRF_SECRET_LENGTH]) || !isWellFormed(mask, [CSRF_SECRET_LENGTH])) {
    throw new Error('a CSRF secret and its mask are 32 characters of [A-Za-z0-9]');
  }
  return mask + shift(secret, mask, 1);
}

/** The secret a well-formed token stands for: unmasked when 64 characters, as is when 32. */
export function unmaskCsrfToken(token: string): string {
  if (!isWellFormed(token)) throw new Error('a CSRF token is 32 or 64 characters of [A-Za-z0-9]');
  if (token.length === CSRF_SECRET_LENGTH) return token;
  return shift(token.slice(CSRF_SECRET_LENGTH), token.slice(0, CSRF_SECRET_LENGTH), -1);
}

/** Compares two strings in time that depends on their length only, never on their content. */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export type TokenVerdict = 'valid' | 'malformed' | 'mismatch';

/** Whether the token a request sent (masked or raw) stands for the cookie's secret. */
export function checkCsrfToken(token: unknown, secret: string): TokenVerdict {
  if (!isWellFormed(token)) return 'malformed';
  return constantTimeEquals(unmaskCsrfToken(token as string), secret) ? 'valid' : 'mismatch';
}
