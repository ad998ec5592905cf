import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  readBoolean,
  readDate,
  readDatetime,
  readDouble,
  readGeoPoint,
  readInt,
} from './values.ts';

test('integers have no leading zero and stay within ±2^53', () => {
  assert.equal(readInt('42'), 42);
  assert.equal(readInt('-7'), -7);
  assert.equal(readInt('0'), 0);
  assert.equal(readInt('-0'), 0);
  assert.equal(readInt('9007199254740991'), 9007199254740991);
  for (const text of ['01480', '02404912400142', '9007199254740993', '', '-', '1.0', '1 ', '+1']) {
    assert.equal(readInt(text), undefined, text);
  }
});

test('doubles use a dot and accept exponents', () => {
  assert.equal(readDouble('3.25'), 3.25);
  assert.equal(readDouble('-0.5'), -0.5);
  assert.equal(readDouble('12'), 12);
  assert.equal(readDouble('6.02e23'), 6.02e23);
  assert.equal(readDouble('1E-3'), 0.001);
  for (const text of ['3,25', '.5', '1.', '01.5', 'NaN', 'Infinity', '1e', '', '1.2.3', '1e999']) {
    assert.equal(readDouble(text), undefined, text);
  }
});

test('booleans are true or false in any case', () => {
  assert.equal(readBoolean('TRUE'), true);
  assert.equal(readBoolean('False'), false);
  assert.equal(readBoolean('yes'), undefined);
  assert.equal(readBoolean('1'), undefined);
});

test('dates are YYYY-MM-DD or DD/MM/YYYY and must exist', () => {
  assert.equal(readDate('2024-02-29'), '2024-02-29');
  assert.equal(readDate('31/12/2023'), '2023-12-31');
  for (const text of ['2023-02-29', '2023-13-01', '2023-1-01', '32/01/2023', '2023/01/01', '']) {
    assert.equal(readDate(text), undefined, text);
  }
});

test('datetimes become epoch milliseconds; no offset means UTC', () => {
  const utc = Date.UTC(2019, 2, 22, 0, 0, 0);
  assert.equal(readDatetime('2019-03-22T01:00:00+01:00'), utc);
  assert.equal(readDatetime('2019-03-22T00:00:00Z'), utc);
  assert.equal(readDatetime('2019-03-22T00:00:00'), utc);
  assert.equal(readDatetime('2019-03-22 00:00'), utc);
  assert.equal(readDatetime('2019-03-21T19:30:00-0430'), utc);
  assert.equal(readDatetime('2019-03-22T02:00:00+02'), utc);
  assert.equal(readDatetime('2019-03-22T00:00:00.250Z'), utc + 250);
  for (const text of [
    '2019-03-22',
    '2019-03-22T24:00:00',
    '2019-03-22T10:00:00+1',
    '2019-03-22T',
  ]) {
    assert.equal(readDatetime(text), undefined, text);
  }
});

test('geo points are "lat, lon" within range', () => {
  assert.deepEqual(readGeoPoint('44.488403, 0.600709'), { lat: 44.488403, lon: 0.600709 });
  assert.deepEqual(readGeoPoint('-12.733398,45.16474'), { lat: -12.733398, lon: 45.16474 });
  for (const text of ['91.0, 2.0', '45.0, 181', '45.0', 'a, b', ', 2', '1, 2, 3']) {
    assert.equal(readGeoPoint(text), undefined, text);
  }
});
