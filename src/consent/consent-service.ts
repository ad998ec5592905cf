// Consent: the third-party services administrators declare, the current policy version, and
// recording a visitor's answer (a new `cookies_preferences` value and a proof-of-consent entry).

import type { ConsentPreferences } from '../core/consent.ts';
import { isCurrent } from '../core/consent.ts';
import { PortalError } from '../core/errors.ts';
import type { ThirdPartyService } from '../core/third-party.ts';
import { validateService } from '../core/third-party.ts';
import type { ChangeFeed, ConsentStore } from '../storage/engine.ts';
import { CachedValue } from '../util/cached-value.ts';
import { ALNUM, randomToken } from '../util/random-token.ts';
import type { ConsentDecision } from './decision.ts';
import { decideServices, withdrawnServices } from './decision.ts';
import { policyDigest, policyRegistry } from './policy-registry.ts';

export interface ConsentPolicy {
  version: number;
  services: readonly ThirdPartyService[];
}

export interface RecordedDecision {
  preferences: ConsentPreferences;
  /** Services the visitor allowed before and refuses now: their cookies are to be cleared. */
  withdrawn: ThirdPartyService[];
}

/**
 * Other processes may change the services: the policy is read again after this long, or at once
 * when the store's change feed tells of a change (it hears every process on PostgreSQL, and the
 * serving processes of one SQLite file through their primary; the policy is then kept longer:
 * POLICY_SHARED_TTL_MS, a safety net).
 */
const POLICY_TTL_MS = 15_000;
const POLICY_SHARED_TTL_MS = 300_000;

export class ConsentService {
  private readonly cached: CachedValue<ConsentPolicy>;

  constructor(
    private readonly store: ConsentStore,
    private readonly now: () => Date = () => new Date(),
    changes?: ChangeFeed,
  ) {
    this.cached = new CachedValue(
      () => this.loadPolicy(),
      () => (changes?.shared ? POLICY_SHARED_TTL_MS : POLICY_TTL_MS),
    );
    changes?.subscribe((topic) => {
      if (topic === 'consent' || topic === 'reset') this.cached.drop();
    });
  }

  /** The services and the policy version visitors answer now. */
  policy(): Promise<ConsentPolicy> {
    return this.cached.get();
  }

  private async loadPolicy(): Promise<ConsentPolicy> {
    const services = await this.store.listServices();
    const registry = policyRegistry(services);
    const { version } = await this.store.policyVersion(policyDigest(registry), registry);
    return { version, services };
  }

  listServices(): Promise<ThirdPartyService[]> {
    return this.store.listServices();
  }

  async saveService(service: ThirdPartyService): Promise<ThirdPartyService> {
    const valid = validateService(service);
    await this.store.saveService(valid);
    this.cached.drop();
    return valid;
  }

  async removeService(id: string): Promise<void> {
    if (!(await this.store.deleteService(id))) {
      throw new PortalError('DG_ERR_SERVICE_NOT_FOUND', { service_id: id });
    }
    this.cached.drop();
  }

  /** The visitor's choices if they answer the current policy and have not expired. */
  async standing(preferences: ConsentPreferences | null): Promise<ConsentPreferences | null> {
    const { version } = await this.policy();
    return isCurrent(preferences, version, this.now()) ? preferences : null;
  }

  /**
   * Applies a visitor's answer to their previous cookie (null if none): keeps their consent id
   * when they have one, logs the new choices, and returns the cookie's new value.
   */
  async decide(
    previous: ConsentPreferences | null,
    decision: ConsentDecision,
  ): Promise<RecordedDecision> {
    const policy = await this.policy();
    if (decision.kind === 'allow' && !policy.services.some((s) => s.id === decision.serviceId)) {
      throw new PortalError('DG_ERR_SERVICE_NOT_FOUND', { service_id: decision.serviceId });
    }
    const now = this.now();
    const current = isCurrent(previous, policy.version, now) ? previous : null;
    const choices = decideServices(decision, {
      current,
      statisticsOptOut: previous?.statisticsOptOut ?? false,
      services: policy.services,
    });
    const preferences: ConsentPreferences = {
      policyVersion: policy.version,
      decidedAt: now.toISOString(),
      consentId: previous?.consentId ?? randomToken(24, ALNUM),
      services: choices.services,
      statisticsOptOut: choices.statisticsOptOut,
    };
    await this.store.logConsent({
      consentId: preferences.consentId,
      policyVersion: preferences.policyVersion,
      services: preferences.services,
      statisticsOptOut: preferences.statisticsOptOut,
      decidedAt: preferences.decidedAt,
    });
    return {
      preferences,
      withdrawn: withdrawnServices(previous, choices.services, policy.services),
    };
  }

  /** The proof-of-consent entries of one consent id, oldest first. */
  history(consentId: string) {
    return this.store.consentHistory(consentId);
  }

  policyVersions() {
    return this.store.listPolicyVersions();
  }
}
