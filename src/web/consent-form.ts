// Reads a posted cookie choice (banner, panel or placeholder) into a decision. Without
// JavaScript the panel sends a radio per purpose and per service: a service's own answer wins
// over its purpose's, and no answer at all is a refusal.

import type { ConsentDecision } from '../consent/index.ts';
import { PortalError } from '../core/errors.ts';
import type { ThirdPartyService } from '../core/third-party.ts';

export const CHOICE_FIELD = 'choice';
export const SERVICE_FIELD = 'service';
export const STATISTICS_OPT_OUT_FIELD = 'statistics-opt-out';
export const purposeField = (category: string) => `purpose:${category}`;
export const serviceField = (id: string) => `service:${id}`;

type Body = Record<string, unknown>;

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_CONSENT_INVALID', { detail });
}

function answer(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === '') return undefined;
  if (value === 'accept') return true;
  if (value === 'refuse') return false;
  throw invalid(`${field} must be "accept" or "refuse".`);
}

export function readConsentForm(
  body: Body,
  services: readonly ThirdPartyService[],
): ConsentDecision {
  const choice = body[CHOICE_FIELD];
  switch (choice) {
    case 'accept-all':
    case 'refuse-all':
      return { kind: choice };
    case 'allow': {
      const serviceId = body[SERVICE_FIELD];
      if (typeof serviceId !== 'string' || serviceId === '') throw invalid('service is missing.');
      return { kind: 'allow', serviceId };
    }
    case 'custom': {
      const choices: Record<string, boolean> = {};
      for (const service of services) {
        choices[service.id] =
          answer(body, serviceField(service.id)) ??
          answer(body, purposeField(service.category)) ??
          false;
      }
      const optOut = body[STATISTICS_OPT_OUT_FIELD];
      return { kind: 'custom', services: choices, statisticsOptOut: optOut === 'on' };
    }
    default:
      throw invalid('choice must be accept-all, refuse-all, custom or allow.');
  }
}
