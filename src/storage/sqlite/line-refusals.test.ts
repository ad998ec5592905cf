import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LineRefusals } from './line-refusals.ts';

test('a query is tried while at most a quarter of its ranges are refused', () => {
  const refusals = new LineRefusals();
  for (let i = 0; i < 3; i++) refusals.record('rare', true);
  assert.equal(refusals.worthTrying('rare'), true);
  for (let i = 0; i < 20; i++) refusals.record('rare', false);
  refusals.record('rare', true);
  assert.equal(refusals.worthTrying('rare'), true);

  for (let i = 0; i < 4; i++) refusals.record('always', true);
  assert.equal(refusals.worthTrying('always'), false);
  assert.equal(refusals.worthTrying('unknown'), true);
});

test('a few refusals early do not give a query up for good', () => {
  const refusals = new LineRefusals();
  for (let i = 0; i < 12; i++) refusals.record('q', i % 2 === 0);
  assert.equal(refusals.worthTrying('q'), false);
  // Not tried any more, so not recorded: given up until forgotten.
  for (let i = 0; i < 100; i++) refusals.record(`other ${i}`, false);
  assert.equal(refusals.worthTrying('q'), true);
});

test('a query whose statement failed is given up at once', () => {
  const refusals = new LineRefusals();
  refusals.giveUp('q');
  assert.equal(refusals.worthTrying('q'), false);
});
