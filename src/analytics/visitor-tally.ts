// How the recorder counts the day's unique visitors, in one process (daily-visitors.ts) or in
// several serving one portal on one machine (relayed-visitors.ts, visitor-pool.ts): the same
// keyed hash, and only counts ever leave the set of hashes.

import { createHmac } from 'node:crypto';

import { truncateAddress } from './truncate-address.ts';

/** Beyond this many distinct visitors in a day the set stops growing (memory stays bounded). */
export const MAX_DAILY_VISITORS = 500_000;

export interface DayCount {
  day: string;
  visitors: number;
}

export interface VisitorTally {
  /** Counts a visitor seen at `at`. */
  see(at: Date, address: string, userAgent: string): void;
  /** The key a visitor gets today; null while today's salt is not known here yet. */
  hash(address: string, userAgent: string): number | null;
  /** The counts to store at `now`: the days that ended since the last call, then today's. */
  takeCounts(now: Date): Promise<DayCount[]>;
}

/** Hashes of one day, as a serving process hands them to the set they all share. */
export interface DayHashes {
  day: string;
  hashes: number[];
}

/**
 * The day's one set of visitor hashes, kept for the processes serving one portal on a machine
 * (by their primary): they ask it for the day's salt and hand it their hashes.
 */
export interface VisitorHub {
  /** The salt of `day`, the same for every process; null when that day is over. */
  salt(day: string): Promise<Buffer | null>;
  /** Adds hashes to their day's set; resolves with the counts to store. */
  add(batches: DayHashes[]): Promise<DayCount[]>;
}

/**
 * A visitor's key under a day's salt: the HMAC-SHA256 of the truncated address and the user
 * agent, its first 48 bits as a number (lighter in a set than a string; a collision in a
 * million visitors is unlikely, and would only undercount by one).
 */
export function visitorHash(salt: Buffer, address: string, userAgent: string): number {
  return createHmac('sha256', salt)
    .update(`${truncateAddress(address)}\n${userAgent}`)
    .digest()
    .readUIntLE(0, 6);
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
