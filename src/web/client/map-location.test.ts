import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatLocation, parseLocation } from './map-location.ts';

test('a location reads as zoom, latitude, longitude, as on ODS portals', () => {
  assert.deepEqual(parseLocation('13,48.85661,2.35222'), { zoom: 13, lat: 48.85661, lon: 2.35222 });
  assert.deepEqual(parseLocation(' 6, -21.1, 55.5 '), { zoom: 6, lat: -21.1, lon: 55.5 });
});

test('anything else is no location: the map opens on its default view', () => {
  for (const value of [
    null,
    '',
    '13,48.8',
    '13,48.8,2.3,4',
    '13,,2.3',
    '1,48.8,2.3',
    '19,48.8,2.3',
    '6.5,48.8,2.3',
    '6,86,2.3',
    '6,48.8,181',
    '6,abc,2.3',
    '6,NaN,2.3',
  ]) {
    assert.equal(parseLocation(value), null, String(value));
  }
});

test('a written location reads back, rounded to five decimals', () => {
  const text = formatLocation({ zoom: 9, lat: 48.856613456, lon: -2.000004 });
  assert.equal(text, '9,48.85661,-2');
  assert.deepEqual(parseLocation(text), { zoom: 9, lat: 48.85661, lon: -2 });
});
