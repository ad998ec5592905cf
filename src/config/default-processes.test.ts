import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';

import { defaultProcesses } from './default-processes.ts';
import { loadConfig } from './load.ts';

test('one serving process per usable core, at most four', () => {
  assert.equal(defaultProcesses(1), 1);
  assert.equal(defaultProcesses(2), 2);
  assert.equal(defaultProcesses(4), 4);
  assert.equal(defaultProcesses(16), 4);
  assert.equal(defaultProcesses(0), 1);
});

test('the configuration takes it unless DATAGORA_PROCESSES is set', () => {
  assert.equal(loadConfig({}).processes, Math.min(4, availableParallelism()));
  assert.equal(loadConfig({ DATAGORA_PROCESSES: '1' }).processes, 1);
  assert.equal(loadConfig({ DATAGORA_PROCESSES: '6' }).processes, 6);
});
