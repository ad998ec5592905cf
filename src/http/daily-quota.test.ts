import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DailyQuota } from './daily-quota.ts';

test('each caller has its own daily count, reset at midnight UTC', () => {
  let now = Date.UTC(2026, 10, 29, 23, 59);
  const quota = new DailyQuota(2, () => now);
  assert.deepEqual(quota.take('a'), {
    allowed: true,
    limit: 2,
    remaining: 1,
    resetEpoch: Date.UTC(2026, 10, 30) / 1000,
  });
  assert.equal(quota.take('a').allowed, true);
  assert.equal(quota.take('a').allowed, false);
  assert.equal(quota.take('b').allowed, true);
  now = Date.UTC(2026, 10, 30, 0, 1);
  const fresh = quota.take('a');
  assert.equal(fresh.allowed, true);
  assert.equal(fresh.remaining, 1);
  assert.equal(fresh.resetEpoch, Date.UTC(2026, 11, 1) / 1000);
});
