// The visitor's cookie choices, as the `cookies_preferences` cookie holds them: the policy
// version they answer, when, a random consent id (the key of the proof-of-consent log), one
// choice per third-party service, and the opt-out of the portal's own anonymous statistics.

import { CONSENT_COOKIE } from './cookies.ts';

export interface ConsentPreferences {
  /** The consent policy version (services/consent) the visitor answered. */
  policyVersion: number;
  /** ISO time of the choice. */
  decidedAt: string;
  consentId: string;
  /** Service id → allowed. A service not listed is refused. */
  services: Record<string, boolean>;
  /** The visitor objects to being counted by the portal's anonymous statistics. */
  statisticsOptOut: boolean;
}

/** The cookie's value: compact JSON with short keys (the browser sends it on every request). */
interface Stored {
  v: number;
  t: string;
  id: string;
  s: Record<string, 0 | 1>;
  o: 0 | 1;
}

const CONSENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function serializePreferences(preferences: ConsentPreferences): string {
  const stored: Stored = {
    v: preferences.policyVersion,
    t: preferences.decidedAt,
    id: preferences.consentId,
    s: Object.fromEntries(
      Object.entries(preferences.services).map(([id, allowed]) => [id, allowed ? 1 : 0]),
    ),
    o: preferences.statisticsOptOut ? 1 : 0,
  };
  return JSON.stringify(stored);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The choices in a cookie value, or null when it is missing or not one the portal wrote. */
export function parsePreferences(raw: string | undefined): ConsentPreferences | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { v, t, id, s, o } = value;
  if (!Number.isInteger(v) || (v as number) < 1) return null;
  if (typeof t !== 'string' || Number.isNaN(Date.parse(t))) return null;
  if (typeof id !== 'string' || !CONSENT_ID.test(id)) return null;
  if (!isRecord(s) || (o !== 0 && o !== 1)) return null;
  const services: Record<string, boolean> = {};
  for (const [service, allowed] of Object.entries(s)) {
    if (!SERVICE_ID.test(service) || (allowed !== 0 && allowed !== 1)) return null;
    services[service] = allowed === 1;
  }
  return {
    policyVersion: v as number,
    decidedAt: new Date(t).toISOString(),
    consentId: id,
    services,
    statisticsOptOut: o === 1,
  };
}

/**
 * Whether the choices still stand: made under the current policy and younger than the
 * cookie's lifetime (a copied or replayed cookie does not outlive the choice).
 */
export function isCurrent(
  preferences: ConsentPreferences | null,
  policyVersion: number,
  now: Date,
): preferences is ConsentPreferences {
  if (!preferences || preferences.policyVersion !== policyVersion) return false;
  const age = now.getTime() - Date.parse(preferences.decidedAt);
  return age >= -60_000 && age < CONSENT_COOKIE.maxAgeSeconds * 1000;
}

/** Whether the visitor allowed this service, under the current policy. */
export function allows(
  preferences: ConsentPreferences | null,
  policyVersion: number,
  serviceId: string,
  now: Date,
): boolean {
  return isCurrent(preferences, policyVersion, now) && preferences.services[serviceId] === true;
}
