import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { ConsentPreferences } from './consent.ts';
import { allows, isCurrent, parsePreferences, serializePreferences } from './consent.ts';

const preferences: ConsentPreferences = {
  policyVersion: 3,
  decidedAt: '2026-11-29T10:00:00.000Z',
  consentId: 'AbCdEfGhIjKlMnOpQrStUvWx',
  services: { video: true, tiles: false },
  statisticsOptOut: true,
};

test('preferences survive a round trip through the cookie value', () => {
  const raw = serializePreferences(preferences);
  assert.ok(raw.length < 120, raw);
  assert.deepEqual(parsePreferences(raw), preferences);
});

test('a value the portal did not write is no choice at all', () => {
  for (const raw of [
    undefined,
    '',
    'yes',
    '[]',
    '{"v":0,"t":"2026-11-29T10:00:00Z","id":"AbCdEfGhIjKlMnOp","s":{},"o":0}',
    '{"v":1,"t":"not a date","id":"AbCdEfGhIjKlMnOp","s":{},"o":0}',
    '{"v":1,"t":"2026-11-29T10:00:00Z","id":"short","s":{},"o":0}',
    '{"v":1,"t":"2026-11-29T10:00:00Z","id":"AbCdEfGhIjKlMnOp","s":{"Bad Id":1},"o":0}',
    '{"v":1,"t":"2026-11-29T10:00:00Z","id":"AbCdEfGhIjKlMnOp","s":{"video":true},"o":0}',
    '{"v":1,"t":"2026-11-29T10:00:00Z","id":"AbCdEfGhIjKlMnOp","s":{},"o":2}',
  ]) {
    assert.equal(parsePreferences(raw), null, String(raw));
  }
});

test('choices stand under their own policy version and for 180 days only', () => {
  const decided = Date.parse(preferences.decidedAt);
  const day = 86_400_000;
  assert.equal(isCurrent(preferences, 3, new Date(decided + day)), true);
  assert.equal(isCurrent(preferences, 4, new Date(decided + day)), false);
  assert.equal(isCurrent(preferences, 3, new Date(decided + 179 * day)), true);
  assert.equal(isCurrent(preferences, 3, new Date(decided + 180 * day)), false);
  // A choice dated well in the future was not made by this portal's clock.
  assert.equal(isCurrent(preferences, 3, new Date(decided - day)), false);
  assert.equal(isCurrent(null, 3, new Date(decided)), false);
});

test('a service is allowed only by a standing choice that says so', () => {
  const now = new Date(Date.parse(preferences.decidedAt) + 1000);
  assert.equal(allows(preferences, 3, 'video', now), true);
  assert.equal(allows(preferences, 3, 'tiles', now), false);
  assert.equal(allows(preferences, 3, 'unknown', now), false);
  assert.equal(allows(preferences, 4, 'video', now), false);
});
