import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cellText } from './cell-text.ts';

const fr = { lang: 'fr' as const, timeZone: 'Europe/Paris', yes: 'oui', no: 'non' };
const en = { ...fr, lang: 'en' as const, yes: 'yes', no: 'no' };

test('numbers, booleans and lists are written the visitor’s way', () => {
  assert.equal(cellText(1234.5, 'double', en), '1,234.5');
  assert.equal(cellText(1234.5, 'double', fr).replace(/\s/g, ' '), '1 234,5');
  assert.equal(cellText(true, 'boolean', fr), 'oui');
  assert.equal(cellText(['Bar', 'Restaurant'], 'text', fr), 'Bar, Restaurant');
  assert.equal(cellText(null, 'text', fr), '');
});

test('a decimal number shows exactly its field’s decimals, rounded', () => {
  assert.equal(cellText(1234.5, 'double', en, 2), '1,234.50');
  assert.equal(cellText(2.0049, 'double', fr, 2), '2,00');
  assert.equal(cellText(7.6, 'double', en, 0), '8');
  assert.equal(cellText([1, 2.5], 'double', en, 1), '1.0, 2.5');
});

test('instants in the dataset time zone, calendar dates without shift', () => {
  assert.equal(cellText('2019-06-16T22:30:00+00:00', 'datetime', fr), '17 juin 2019 à 00:30');
  assert.equal(
    cellText('2019-06-16T22:30:00+00:00', 'datetime', { ...en, timeZone: 'UTC' }),
    '16 June 2019 at 22:30',
  );
  assert.equal(cellText('2019-01-01', 'date', en), '1 January 2019');
});

test('points as "lat, lon", shapes by their geometry type', () => {
  assert.equal(cellText({ lat: 48.85, lon: 2.35 }, 'geo_point_2d', fr), '48.85, 2.35');
  assert.equal(
    cellText({ type: 'Feature', geometry: { type: 'Polygon' } }, 'geo_shape', fr),
    'Polygon',
  );
});
