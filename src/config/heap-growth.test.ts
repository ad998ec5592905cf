import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HEAP_GROWING_PERCENT, heapGrowthFlag } from './heap-growth.ts';

test('a serving process sets the heap growing factor unless its command line did', () => {
  assert.equal(heapGrowthFlag([]), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  assert.equal(
    heapGrowthFlag(['--import', 'tsx']),
    `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
  );
  assert.equal(heapGrowthFlag(['--heap-growing-percent=300']), null);
  assert.equal(heapGrowthFlag(['--heap_growing_percent=50']), null);
  assert.equal(heapGrowthFlag(['--heap-growing-percent', '50']), null);
});
