import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CachedValue } from './cached-value.ts';

test('a value is read once, kept for its time, read again once dropped or expired', async () => {
  let now = 0;
  let reads = 0;
  const cached = new CachedValue(
    async () => ++reads,
    () => 100,
    () => now,
  );
  assert.deepEqual(await Promise.all([cached.get(), cached.get()]), [1, 1]);
  now = 99;
  assert.equal(await cached.get(), 1);
  now = 100;
  assert.equal(await cached.get(), 2);
  cached.drop();
  assert.equal(await cached.get(), 3);
});

test('a failed read is not kept', async () => {
  let fail = true;
  const cached = new CachedValue(
    async () => {
      if (fail) throw new Error('unreachable');
      return 'ok';
    },
    () => 60_000,
  );
  await assert.rejects(cached.get(), /unreachable/);
  fail = false;
  assert.equal(await cached.get(), 'ok');
});
