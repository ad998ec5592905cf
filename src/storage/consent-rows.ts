// Consent rows as both engines read them, and their mapping to the store's contract.

import type { ConsentRecord, PolicyVersion } from './consent-store.ts';

export interface PolicyRow {
  version: number;
  digest: string;
  registry: string;
  created_at: string | Date;
}

export interface ConsentLogRow {
  consent_id: string;
  policy_version: number;
  /** JSON text (SQLite) or the parsed jsonb value (PostgreSQL). */
  choices: string | StoredChoices;
  decided_at: string | Date;
}

interface StoredChoices {
  services: Record<string, boolean>;
  statisticsOptOut: boolean;
}

const iso = (value: string | Date) => new Date(value).toISOString();

export function toPolicyVersion(row: PolicyRow): PolicyVersion {
  return {
    version: Number(row.version),
    digest: row.digest,
    registry: row.registry,
    createdAt: iso(row.created_at),
  };
}

export function choicesJson(record: ConsentRecord): string {
  const choices: StoredChoices = {
    services: record.services,
    statisticsOptOut: record.statisticsOptOut,
  };
  return JSON.stringify(choices);
}

export function toConsentRecord(row: ConsentLogRow): ConsentRecord {
  const choices =
    typeof row.choices === 'string' ? (JSON.parse(row.choices) as StoredChoices) : row.choices;
  return {
    consentId: row.consent_id,
    policyVersion: Number(row.policy_version),
    services: choices.services,
    statisticsOptOut: choices.statisticsOptOut,
    decidedAt: iso(row.decided_at),
  };
}
