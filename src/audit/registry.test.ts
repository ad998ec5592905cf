import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REGISTRY } from './audit-fixture.test-helper.ts';
import { parseRegistry } from './registry.ts';

test('a well-formed registry reads back as it was published', () => {
  const published = JSON.parse(JSON.stringify({ ...REGISTRY, extra: 'ignored' }));
  const parsed = parseRegistry(published);
  assert.deepEqual(parsed, REGISTRY);
});

test('a malformed registry stops the audit with the faulty place named', () => {
  const cases: [unknown, RegExp][] = [
    [[], /the answer is not an object/],
    [{ ...REGISTRY, policyVersion: 0 }, /policyVersion is not a positive whole number/],
    [{ ...REGISTRY, cookies: {} }, /cookies is not a list/],
    [
      { ...REGISTRY, cookies: [{ ...REGISTRY.cookies[0], sameSite: 'none' }] },
      /cookies\[0\]\.sameSite is neither "lax" nor "strict"/,
    ],
    [
      { ...REGISTRY, cookies: [{ ...REGISTRY.cookies[0], category: 'marketing' }] },
      /cookies\[0\]\.category is not one of necessary, statistics, third-party/,
    ],
    [
      { ...REGISTRY, cookies: [{ ...REGISTRY.cookies[0], httpOnly: 'yes' }] },
      /cookies\[0\]\.httpOnly is not true\/false/,
    ],
    [
      {
        ...REGISTRY,
        services: [{ ...REGISTRY.services[0], cookies: [{ name: 'x', maxAgeSeconds: -1 }] }],
      },
      /services\[0\]\.cookies\[0\]\.maxAgeSeconds is not a whole number of seconds/,
    ],
    [{ ...REGISTRY, services: [{ ...REGISTRY.services[0], origin: '' }] }, /services\[0\]\.origin/],
  ];
  for (const [json, message] of cases) {
    assert.throws(() => parseRegistry(json), message);
  }
});
