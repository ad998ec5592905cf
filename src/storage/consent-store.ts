// The storage contract for consent: the third-party services administrators add, every version
// of the consent policy the portal has shown, and the proof-of-consent log (consent id, policy
// version, choices, time; never an address or a user agent). Both engines implement it.

import type { ThirdPartyService } from '../core/third-party.ts';

export interface PolicyVersion {
  version: number;
  /** SHA-256 of the registry the version describes. */
  digest: string;
  /** The registry as JSON: the portal's cookies and the services, as visitors were told. */
  registry: string;
  createdAt: string;
}

export interface ConsentRecord {
  consentId: string;
  policyVersion: number;
  /** Service id → allowed, and the statistics opt-out. */
  services: Record<string, boolean>;
  statisticsOptOut: boolean;
  decidedAt: string;
}

export interface ConsentStore {
  /** In the order they were added. */
  listServices(): Promise<ThirdPartyService[]>;
  /** Adds the service, or replaces the one with the same id. */
  saveService(service: ThirdPartyService): Promise<void>;
  /** False when there was no such service. */
  deleteService(id: string): Promise<boolean>;
  /** The version with this digest, created (with the next number) when it is new. */
  policyVersion(digest: string, registry: string): Promise<PolicyVersion>;
  /** Oldest first. */
  listPolicyVersions(): Promise<PolicyVersion[]>;
  logConsent(record: ConsentRecord): Promise<void>;
  /** The log entries of one consent id, oldest first. */
  consentHistory(consentId: string): Promise<ConsentRecord[]>;
}
