import assert from 'node:assert/strict';
import { test } from 'node:test';

import { toChartData } from './chart-data.ts';

const options = { maxCategories: 2, maxSeries: 2, emptyLabel: '(empty)', split: true };

test('categories keep the query order; series become columns of values', () => {
  const data = toChartData(
    [
      { x: '2024', y: 3, series: 'A' },
      { x: '2024', y: 1, series: 'B' },
      { x: '2025', y: 5, series: 'A' },
    ],
    { ...options, maxCategories: 10 },
  );
  assert.deepEqual(data.categories, ['2024', '2025']);
  assert.deepEqual(data.series, ['A', 'B']);
  assert.deepEqual(data.values, [
    [3, 1],
    [5, null],
  ]);
  assert.equal(data.omittedCategories, 0);
});

test('only the largest categories and series are kept, and the cut is counted', () => {
  const data = toChartData(
    [
      { x: 'small', y: 1, series: 'C' },
      { x: 'big', y: 10, series: 'A' },
      { x: 'mid', y: 5, series: 'B' },
      { x: null, y: 7, series: 'A' },
    ],
    options,
  );
  assert.deepEqual(data.categories, ['big', '(empty)']);
  assert.deepEqual(data.series, ['A', 'B']);
  assert.equal(data.omittedCategories, 2);
  assert.equal(data.omittedSeries, 1);
});
