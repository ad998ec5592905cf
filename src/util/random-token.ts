// Random strings from the system's cryptographic generator, for ids, keys and secrets.

import { randomInt } from 'node:crypto';

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters drawn uniformly from `alphabet`. */
export function randomToken(length: number, alphabet: string = LOWER_ALNUM): string {
  let token = '';
  for (let i = 0; i < length; i++) token += alphabet[randomInt(alphabet.length)];
  return token;
}

/** An opaque id such as `us_k3j…`: a prefix and 16 lowercase letters and digits (82 bits). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomToken(16)}`;
}
