// What a visitor's answer does to their choices: accept or refuse every service, choose one by
// one, or allow one service from its placeholder. Pure, so the rules are tested apart.

import type { ConsentPreferences } from '../core/consent.ts';
import type { ThirdPartyService } from '../core/third-party.ts';

export type ConsentDecision =
  | { kind: 'accept-all' }
  | { kind: 'refuse-all' }
  | { kind: 'custom'; services: Record<string, boolean>; statisticsOptOut: boolean }
  | { kind: 'allow'; serviceId: string };

export interface DecisionInput {
  /** The visitor's choices if they still stand (current policy, not expired), else null. */
  current: ConsentPreferences | null;
  /** The opt-out survives a policy change: an objection never lapses. */
  statisticsOptOut: boolean;
  services: readonly ThirdPartyService[];
}

/** Service id → allowed, for every service of the policy (a missing answer is a refusal). */
export function decideServices(
  decision: ConsentDecision,
  input: DecisionInput,
): { services: Record<string, boolean>; statisticsOptOut: boolean } {
  const choices: Record<string, boolean> = {};
  for (const service of input.services) {
    switch (decision.kind) {
      case 'accept-all':
        choices[service.id] = true;
        break;
      case 'refuse-all':
        choices[service.id] = false;
        break;
      case 'custom':
        choices[service.id] = decision.services[service.id] === true;
        break;
      case 'allow':
        choices[service.id] =
          service.id === decision.serviceId || input.current?.services[service.id] === true;
        break;
    }
  }
  const statisticsOptOut =
    decision.kind === 'custom' ? decision.statisticsOptOut : input.statisticsOptOut;
  return { services: choices, statisticsOptOut };
}

/** The services allowed before and refused now, whose cookies the portal should clear. */
export function withdrawnServices(
  before: ConsentPreferences | null,
  after: Record<string, boolean>,
  services: readonly ThirdPartyService[],
): ThirdPartyService[] {
  return services.filter((service) => before?.services[service.id] === true && !after[service.id]);
}
