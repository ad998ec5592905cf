import assert from 'node:assert/strict';
import { test } from 'node:test';

import { joinedPosition } from './joined-runs.ts';

test('joinedPosition: columns after a run move back by the columns it absorbed', () => {
  const runs = [
    [1, 2, 3],
    [5, 6],
  ];
  const moved = [0, 1, 2, 3, 4, 5, 6, 7].map((p) => joinedPosition(runs, p));
  assert.deepEqual(moved, [0, 1, 1, 1, 2, 3, 3, 4]);
  assert.deepEqual(
    [0, 1, 2].map((p) => joinedPosition([], p)),
    [0, 1, 2],
  );
});
