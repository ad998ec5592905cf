import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../core/field.ts';
import { labelWithUnit } from './field-label.ts';

test('a unit follows the label in brackets; without one the label stands alone', () => {
  const temperature = { ...makeField('t', 'double', { unit: ['°C'] }), label: 'Température' };
  assert.equal(labelWithUnit(temperature), 'Température (°C)');
  assert.equal(labelWithUnit({ ...temperature, annotations: {} }), 'Température');
  assert.equal(labelWithUnit({ ...temperature, annotations: { unit: [''] } }), 'Température');
});
