import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RelayedVisitors } from './relayed-visitors.ts';
import { LATE_HASHES_MS, VisitorPool } from './visitor-pool.ts';
import type { VisitorHub } from './visitor-tally.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** The pool as the workers reach it: asynchronously (over the cluster's channel, in the portal). */
function hubOf(pool: VisitorPool): VisitorHub {
  return {
    salt: async (day) => pool.salt(day),
    add: async (batches) => pool.add(batches),
  };
}

test('two processes count a visitor they both saw once, and all the others', async () => {
  const hub = hubOf(new VisitorPool());
  const [one, two] = [new RelayedVisitors(hub), new RelayedVisitors(hub)];
  const at = new Date('2026-11-30T10:00:00Z');
  one.see(at, '198.51.100.7', UA);
  two.see(at, '198.51.100.8', UA); // the same /24 and agent: the same visitor
  two.see(at, '203.0.113.7', UA);
  one.see(at, '192.0.2.1', UA);
  assert.deepEqual(await one.takeCounts(), [{ day: '2026-11-30', visitors: 2 }]);
  assert.deepEqual(await two.takeCounts(), [{ day: '2026-11-30', visitors: 3 }]);
  // The same key in both processes: one salt for the day.
  assert.equal(one.hash('198.51.100.7', UA), two.hash('198.51.100.7', UA));
  assert.deepEqual(await one.takeCounts(), [{ day: '2026-11-30', visitors: 3 }]);
});

test('a new day has a new salt; the day before takes late hashes a few minutes, then ends', async () => {
  let now = 0;
  const pool = new VisitorPool(() => now);
  const first = pool.salt('2026-11-29')!;
  assert.deepEqual(pool.add([{ day: '2026-11-29', hashes: [1, 2] }]), [
    { day: '2026-11-29', visitors: 2 },
  ]);
  const second = pool.salt('2026-11-30')!;
  assert.notDeepEqual(second, first);
  assert.equal(pool.salt('2026-11-29'), null, 'an ended day hands out no salt');
  assert.deepEqual(
    pool.add([
      { day: '2026-11-29', hashes: [3] },
      { day: '2026-11-30', hashes: [1] },
    ]),
    [
      { day: '2026-11-29', visitors: 3 },
      { day: '2026-11-30', visitors: 1 },
    ],
  );
  now += LATE_HASHES_MS + 1;
  assert.deepEqual(pool.add([{ day: '2026-11-29', hashes: [4] }]), [
    { day: '2026-11-29', visitors: 3 },
    { day: '2026-11-30', visitors: 1 },
  ]);
  assert.deepEqual(pool.add([]), [{ day: '2026-11-30', visitors: 1 }]);
});

test('a process whose hub gave no salt asks again at its next visitor', async () => {
  const pool = new VisitorPool();
  let answering = false;
  const hub: VisitorHub = {
    salt: async (day) => (answering ? pool.salt(day) : null),
    add: async (batches) => pool.add(batches),
  };
  const visitors = new RelayedVisitors(hub);
  const at = new Date('2026-11-30T10:00:00Z');
  visitors.see(at, '198.51.100.7', UA);
  assert.deepEqual(await visitors.takeCounts(), []);
  answering = true;
  visitors.see(at, '203.0.113.7', UA);
  visitors.see(at, '192.0.2.7', UA);
  assert.deepEqual(await visitors.takeCounts(), [{ day: '2026-11-30', visitors: 2 }]);
});
