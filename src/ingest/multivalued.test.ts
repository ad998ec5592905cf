import assert from 'node:assert/strict';
import { test } from 'node:test';

import { detectListSeparator } from './multivalued.ts';

const activities = [
  'Restaurant',
  'Restaurant,Traiteur',
  'Boucherie-Charcuterie',
  'Boucherie-Charcuterie,Traiteur',
  'Restaurant',
  '',
  'Traiteur',
];

test('repeated categories joined by a comma or a pipe are lists', () => {
  assert.equal(detectListSeparator(activities, ';'), ',');
  const piped = activities.map((value) => value.replaceAll(',', '|'));
  assert.equal(detectListSeparator(piped, ','), '|');
  assert.equal(detectListSeparator(piped, ';'), '|');
});

test('a comma is not a list separator in a comma-delimited file', () => {
  assert.equal(detectListSeparator(activities, ','), undefined);
});

test('addresses, names, decimal commas and points are not lists', () => {
  const addresses = [
    '689, avenue Marius Autric',
    '2, rue du Port',
    '11 RUE DE MONTYON',
    '5, place Nette',
  ];
  assert.equal(detectListSeparator(addresses, ';'), undefined);
  assert.equal(detectListSeparator(['12,5', '12,5', '3,25', '3,25', '12,5'], ';'), undefined);
  assert.equal(detectListSeparator(['44.5, 0.6', '44.5, 0.6', '44.5, 0.6'], ';'), undefined);
  assert.equal(detectListSeparator(['DUPONT, Jean', 'MARTIN, Paul', 'Jean'], ';'), undefined);
});

test('one list value is not enough; empty items are ignored', () => {
  assert.equal(detectListSeparator(['a', 'a,b', 'a', 'b', 'b'], ';'), undefined);
  assert.equal(detectListSeparator(['a|', 'a|b', 'a', 'b|', 'a|b'], ','), '|');
});
