import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { ConsentPreferences } from '../core/consent.ts';
import type { ThirdPartyService } from '../core/third-party.ts';
import { decideServices, withdrawnServices } from './decision.ts';

const services = ['video', 'tag', 'tiles'].map(
  (id) => ({ id }) as ThirdPartyService,
) as readonly ThirdPartyService[];

const previous: ConsentPreferences = {
  policyVersion: 1,
  decidedAt: '2026-11-29T10:00:00.000Z',
  consentId: 'AbCdEfGhIjKlMnOpQrStUvWx',
  services: { video: true, tag: false, tiles: true },
  statisticsOptOut: true,
};

test('accept-all and refuse-all answer every service and keep the statistics opt-out', () => {
  const input = { current: previous, statisticsOptOut: true, services };
  assert.deepEqual(decideServices({ kind: 'accept-all' }, input), {
    services: { video: true, tag: true, tiles: true },
    statisticsOptOut: true,
  });
  assert.deepEqual(decideServices({ kind: 'refuse-all' }, input), {
    services: { video: false, tag: false, tiles: false },
    statisticsOptOut: true,
  });
});

test('a custom choice refuses what it does not mention and ignores unknown services', () => {
  const decision = {
    kind: 'custom' as const,
    services: { tag: true, unknown: true },
    statisticsOptOut: false,
  };
  assert.deepEqual(decideServices(decision, { current: null, statisticsOptOut: true, services }), {
    services: { video: false, tag: true, tiles: false },
    statisticsOptOut: false,
  });
});

test('allowing one service keeps the standing choices and nothing more', () => {
  const allow = { kind: 'allow' as const, serviceId: 'tag' };
  assert.deepEqual(
    decideServices(allow, { current: previous, statisticsOptOut: false, services }).services,
    { video: true, tag: true, tiles: true },
  );
  assert.deepEqual(
    decideServices(allow, { current: null, statisticsOptOut: false, services }).services,
    { video: false, tag: true, tiles: false },
  );
});

test('withdrawn services are those allowed before and refused now', () => {
  const now = { video: false, tag: true, tiles: true };
  assert.deepEqual(
    withdrawnServices(previous, now, services).map((s) => s.id),
    ['video'],
  );
  assert.deepEqual(withdrawnServices(null, now, services), []);
});
