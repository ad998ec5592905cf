import assert from 'node:assert/strict';
import { test } from 'node:test';

import { zoneOffsetMinutes } from './iso-time.ts';
import { zoneOffsets } from './zone-transitions.ts';

/** The offset the changes give at `ms`. */
function offsetAt(ms: number, zone: string): number {
  const { changes, offsets } = zoneOffsets(zone);
  let i = 0;
  while (i < changes.length && changes[i]! <= ms) i++;
  return offsets[i]!;
}

for (const zone of ['Europe/Paris', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
  test(`the changes of ${zone} give zoneOffsetMinutes's offset of any instant`, () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const { from, to, changes } = zoneOffsets(zone);
    const instants = Array.from({ length: 3000 }, () => from + Math.floor(random() * (to - from)));
    // Around each change of the last decades: just before, at, just after.
    for (const change of changes.filter((c) => c > Date.UTC(1990, 0, 1)).slice(0, 40)) {
      instants.push(change - 1, change, change + 1, change - 15 * 60_000, change + 15 * 60_000);
    }
    for (const ms of instants) {
      assert.equal(
        offsetAt(ms, zone),
        zoneOffsetMinutes(ms, zone),
        `${zone} ${new Date(ms).toISOString()}`,
      );
    }
  });
}

test('UTC has one offset and no change', () => {
  assert.deepEqual(zoneOffsets('UTC').changes, []);
  assert.deepEqual(zoneOffsets('UTC').offsets, [0]);
  assert.ok(zoneOffsets('Europe/Paris').changes.length > 200);
});
