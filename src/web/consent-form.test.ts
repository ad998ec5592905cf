import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isPortalError } from '../core/errors.ts';
import type { ThirdPartyService } from '../core/third-party.ts';
import { readConsentForm } from './consent-form.ts';

const services = [
  { id: 'video', category: 'third-party' },
  { id: 'tiles', category: 'third-party' },
  { id: 'tag', category: 'statistics' },
] as ThirdPartyService[];

test('the banner buttons and a placeholder read as they say', () => {
  assert.deepEqual(readConsentForm({ choice: 'accept-all' }, services), { kind: 'accept-all' });
  assert.deepEqual(readConsentForm({ choice: 'refuse-all' }, services), { kind: 'refuse-all' });
  assert.deepEqual(readConsentForm({ choice: 'allow', service: 'video' }, services), {
    kind: 'allow',
    serviceId: 'video',
  });
});

test('in the panel a service answer beats its purpose; no answer is a refusal', () => {
  const decision = readConsentForm(
    {
      choice: 'custom',
      'purpose:third-party': 'accept',
      'service:tiles': 'refuse',
      'statistics-opt-out': 'on',
    },
    services,
  );
  assert.deepEqual(decision, {
    kind: 'custom',
    services: { video: true, tiles: false, tag: false },
    statisticsOptOut: true,
  });
});

test('anything else is a clear 400', () => {
  for (const body of [
    {},
    { choice: 'maybe' },
    { choice: 'allow' },
    { choice: 'custom', 'service:video': 'yes' },
  ]) {
    assert.throws(
      () => readConsentForm(body, services),
      (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_CONSENT_INVALID',
    );
  }
});
