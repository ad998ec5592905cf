import assert from 'node:assert/strict';
import { test } from 'node:test';

import { workerAllocatorEnvironment } from './worker-allocator.ts';

test('forked serving processes get a fixed mmap threshold', () => {
  assert.deepEqual(workerAllocatorEnvironment({}), { MALLOC_MMAP_THRESHOLD_: '131072' });
  assert.deepEqual(workerAllocatorEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }), {
    MALLOC_MMAP_THRESHOLD_: '131072',
  });
});

test("the operator's own threshold wins, in either form glibc reads", () => {
  assert.deepEqual(workerAllocatorEnvironment({ MALLOC_MMAP_THRESHOLD_: '65536' }), {});
  assert.deepEqual(
    workerAllocatorEnvironment({
      GLIBC_TUNABLES: 'glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=65536',
    }),
    {},
  );
});
