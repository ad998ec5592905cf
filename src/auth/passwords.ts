// Password hashing with argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane), and the
// rules a new password must meet.

import argon2 from 'argon2';

import { PortalError } from '../core/errors.ts';

const OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** Refuses a password too short to resist guessing, or so long it would tie up the hasher. */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: `A password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A hash the library cannot read never matches.
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * Spends the time of one verification when no account matches, so that the answer's delay does
 * not tell whether an account exists.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password, never a real one');
  await verifyPassword(await decoy, password);
  return false;
}
