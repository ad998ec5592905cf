import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatInstant, isValidTimeZone, zoneOffsetMinutes } from './iso-time.ts';

test('instants render in UTC with an explicit +00:00 offset', () => {
  assert.equal(formatInstant(Date.UTC(2022, 9, 7), 'UTC'), '2022-10-07T00:00:00+00:00');
  assert.equal(
    formatInstant(Date.UTC(2022, 9, 7, 0, 0, 0, 250), 'UTC'),
    '2022-10-07T00:00:00.250+00:00',
  );
});

test('instants render in a zone with its winter and summer offsets', () => {
  assert.equal(formatInstant(Date.UTC(2019, 2, 22), 'Europe/Berlin'), '2019-03-22T01:00:00+01:00');
  assert.equal(formatInstant(Date.UTC(2017, 5, 1), 'Europe/Berlin'), '2017-06-01T02:00:00+02:00');
  assert.equal(
    formatInstant(Date.UTC(2020, 0, 1, 12), 'America/New_York'),
    '2020-01-01T07:00:00-05:00',
  );
  assert.equal(formatInstant(Date.UTC(2020, 0, 1), 'Asia/Kolkata'), '2020-01-01T05:30:00+05:30');
});

test('the offset follows daylight saving changes to the minute', () => {
  // Europe/Paris moved to summer time at 2021-03-28 01:00 UTC.
  assert.equal(zoneOffsetMinutes(Date.UTC(2021, 2, 28, 0, 59), 'Europe/Paris'), 60);
  assert.equal(zoneOffsetMinutes(Date.UTC(2021, 2, 28, 1, 0), 'Europe/Paris'), 120);
});

test('unknown zones are recognised as invalid', () => {
  assert.equal(isValidTimeZone('Europe/Paris'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(''), false);
});
