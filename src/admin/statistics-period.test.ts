import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readPeriod } from './statistics-period.ts';

const today = new Date('2026-11-29T10:00:00Z');
const read = (query: string) => readPeriod(new URLSearchParams(query), today);

test('day, week (the default), month', () => {
  assert.deepEqual(read('period=day').period, { from: '2026-11-29', to: '2026-11-29' });
  assert.deepEqual(read('').period, { from: '2026-11-23', to: '2026-11-29' });
  assert.deepEqual(read('period=month').period, { from: '2026-10-31', to: '2026-11-29' });
});

test('custom dates, and what is refused', () => {
  assert.deepEqual(read('period=custom&from=2026-01-01&to=2026-01-31'), {
    kind: 'custom',
    period: { from: '2026-01-01', to: '2026-01-31' },
    problem: null,
  });
  assert.equal(read('period=custom&from=2026-02-30&to=2026-03-01').problem, 'date');
  assert.equal(read('period=custom&from=2026-03-01').problem, 'date');
  assert.equal(read('period=custom&from=2026-03-02&to=2026-03-01').problem, 'order');
  assert.equal(read('period=custom&from=2020-01-01&to=2026-03-01').problem, 'length');
  assert.equal(read('period=year').problem, 'kind');
  assert.equal(read('period=year').kind, 'week');
});
