import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatInstant, instantFormatter, isValidTimeZone, zoneOffsetMinutes } from './iso-time.ts';

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

test('instantFormatter renders as formatInstant does, whatever the instant and zone', () => {
  const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  // A fixed pseudo-random walk (no Math.random: the test must be reproducible).
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const instants = [0, -1, 1, 999, -86_400_000, 253402300799999, 253402300800000, -62198755200001];
  for (let i = 0; i < 3000; i++) {
    const scale = [1, 1000, 60_000, 3_600_000][i % 4] as number;
    instants.push((next() - 1073741824) * scale + (i % 3 === 0 ? next() % 1000 : 0));
  }
  // Around the 2021 daylight saving changes of Paris, minute by minute.
  for (let m = -90; m <= 90; m++) instants.push(Date.UTC(2021, 2, 28, 1) + m * 60_000 + 250);
  for (let m = -90; m <= 90; m++) instants.push(Date.UTC(2021, 9, 31, 1) + m * 60_000);
  for (const zone of zones) {
    const format = instantFormatter(zone);
    for (const ms of instants) assert.equal(format(ms), formatInstant(ms, zone), `${ms} ${zone}`);
  }
});
