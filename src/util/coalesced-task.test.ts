import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CoalescedTask } from './coalesced-task.ts';

test('calls during a run share it and cost one more run, not one each', async () => {
  let runs = 0;
  let release: () => void = () => undefined;
  const task = new CoalescedTask(async () => {
    runs += 1;
    if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
  });
  const first = task.run();
  const second = task.run();
  const third = task.run();
  assert.equal(second, first);
  assert.equal(third, first);
  assert.equal(task.busy, true);
  release();
  await first;
  assert.equal(runs, 2);
  assert.equal(task.busy, false);
  await task.run();
  assert.equal(runs, 3);
});

test('a failing run rejects its callers and leaves the task ready to run again', async () => {
  let fail = true;
  const task = new CoalescedTask(async () => {
    if (fail) throw new Error('boom');
  });
  await assert.rejects(task.run(), /boom/);
  fail = false;
  await task.run();
  assert.equal(task.busy, false);
});
