// Consent to third-party services and the proof of it.

export { ConsentService } from './consent-service.ts';
export type { ConsentPolicy, RecordedDecision } from './consent-service.ts';
export type { ConsentDecision } from './decision.ts';
