import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';

import fc from 'fast-check';

import { formatDate, postgresFormatParts } from './date-format.ts';
import type { DateParts } from './dates.ts';
import {
  nextPeriod,
  parseDatePath,
  parseDateText,
  toDateString,
  toEpochMs,
  wallClock,
} from './dates.ts';
import { bucketStart } from './intervals.ts';
import { computeNow } from './now.ts';

const parts = (text: string): DateParts => parseDateText(text) as DateParts;

describe('dates', () => {
  it('reads a repeated wall-clock time as its first occurrence and a skipped one after the gap', () => {
    const iso = (text: string, zone: string) =>
      new Date(toEpochMs(parts(text), zone)).toISOString();
    assert.equal(iso('2021-10-31T02:00', 'Europe/Paris'), '2021-10-31T00:00:00.000Z');
    assert.equal(iso('2021-10-31T02:59', 'Europe/Paris'), '2021-10-31T00:59:00.000Z');
    assert.equal(iso('2021-10-31T03:00', 'Europe/Paris'), '2021-10-31T02:00:00.000Z');
    assert.equal(iso('2021-03-28T02:30', 'Europe/Paris'), '2021-03-28T01:30:00.000Z');
    assert.equal(iso('2021-11-07T01:30', 'America/New_York'), '2021-11-07T05:30:00.000Z');
    assert.equal(iso('2020-03-01T00:15', 'Asia/Kolkata'), '2020-02-29T18:45:00.000Z');
  });

  it('parses date literals with their precision', () => {
    assert.equal(parts('2019').precision, 'year');
    assert.equal(parts('2019-03').precision, 'month');
    assert.equal(parts('2019/03/22').precision, 'day');
    assert.equal(parts('2019-03-22T10:00').precision, 'minute');
    assert.equal(parts('2019-03-22T10:00:00.5Z').millisecond, 500);
    assert.equal(parts('2019-03-22T10:00:00+02:00').offsetMinutes, 120);
    for (const bad of ['2019-13', '2019-02-30', '19', '2019-03-22T25:00', 'abc']) {
      assert.equal(parseDateText(bad), null, bad);
    }
    assert.deepEqual(parseDatePath('2019/03')?.month, 3);
    assert.equal(parseDatePath('2019-03'), null);
  });

  it('reads wall-clock times in a time zone, across DST changes', () => {
    assert.equal(toEpochMs(parts('2019-07-01T12:00'), 'Europe/Paris'), Date.UTC(2019, 6, 1, 10));
    assert.equal(toEpochMs(parts('2019-01-01'), 'Europe/Paris'), Date.UTC(2018, 11, 31, 23));
    assert.equal(
      toEpochMs(parts('2019-03-31T03:30'), 'Europe/Paris'),
      Date.UTC(2019, 2, 31, 1, 30),
    );
    assert.equal(toEpochMs(parts('2019-01-01T00:00Z'), 'Asia/Tokyo'), Date.UTC(2019, 0, 1));
    assert.equal(toDateString(parts('2019-01-01T20:00Z'), 'Asia/Tokyo'), '2019-01-02');
    assert.equal(wallClock(Date.UTC(2019, 2, 22, 23), 'Europe/Paris').day, 23);
  });

  it('finds the next period', () => {
    const next = (t: string) => nextPeriod(parts(t));
    assert.equal(next('2019').year, 2020);
    assert.deepEqual([next('2019-12').year, next('2019-12').month], [2020, 1]);
    assert.deepEqual([next('2019-02-28').month, next('2019-02-28').day], [3, 1]);
  });
});

describe('now()', () => {
  // 2021-05-06 12:34:55.450 UTC, a Thursday (the examples of the ODS documentation).
  const base = Date.UTC(2021, 4, 6, 12, 34, 55, 450);
  const now = (args: Record<string, number>, zone = 'UTC') =>
    new Date(computeNow(base, new Map(Object.entries(args)), zone)).toISOString();

  it('sets and shifts components', () => {
    assert.equal(now({}), '2021-05-06T12:34:55.450Z');
    assert.equal(now({ year: 2000 }), '2000-05-06T12:34:55.450Z');
    assert.equal(now({ years: -1 }), '2020-05-06T12:34:55.450Z');
    assert.equal(now({ year: 2001, months: -1 }), '2001-04-06T12:34:55.450Z');
    assert.equal(now({ day: 31, month: 2 }), '2021-02-28T12:34:55.450Z');
    assert.equal(now({ days: -6, hour: 0, minute: 0, second: 0 }), '2021-04-30T00:00:00.450Z');
  });

  it('moves to weekdays', () => {
    assert.equal(now({ weekday: 0 }), '2021-05-10T12:34:55.450Z');
    assert.equal(now({ mondays: 1 }), '2021-05-10T12:34:55.450Z');
    assert.equal(now({ mondays: -1 }), '2021-05-03T12:34:55.450Z');
    assert.equal(now({ thursdays: 1 }), '2021-05-06T12:34:55.450Z');
  });

  it('works in the query time zone', () => {
    assert.equal(
      now({ hour: 0, minute: 0, second: 0 }, 'Europe/Paris'),
      '2021-05-05T22:00:00.450Z',
    );
  });
});

describe('date_format()', () => {
  // 2007-11-20T01:23:45, a Tuesday (the examples of the ODS documentation).
  const w = wallClock(Date.UTC(2007, 10, 20, 1, 23, 45), 'UTC');

  it('formats Joda-like patterns', () => {
    assert.equal(formatDate('dd/MM/YYYY', w, 'fr'), '20/11/2007');
    assert.equal(formatDate("'The date is 'dd/MM/YYYY", w, 'fr'), 'The date is 20/11/2007');
    assert.equal(formatDate("'The date is '''dd/MM/YYYY''", w, 'fr'), "The date is '20/11/2007'");
    assert.equal(formatDate('H HH yy yyyy M MM', w, 'fr'), '1 01 07 2007 11 11');
  });

  it('names months and days in the language asked', () => {
    // The ODS documentation's French examples: 'E' → 'mar.', 'EEEE' → 'mardi'.
    assert.equal(formatDate('E EEEE MMM MMMM', w, 'fr'), 'mar. mardi nov. novembre');
    assert.equal(
      formatDate('E EEEE MMM MMMM D w e xxxx', w, 'en'),
      'Tue Tuesday Nov November 324 47 2 2007',
    );
    assert.equal(formatDate('EEEE d MMMM', w, 'de'), 'Dienstag 20 November');
    assert.equal(formatDate('EEEE MMMM', w, 'es'), 'martes noviembre');
  });

  it('translates patterns for PostgreSQL to_char, names apart', () => {
    assert.deepEqual(postgresFormatParts('dd/MM/yyyy HH:mm'), [
      { toChar: 'DD"/"MM"/"YYYY" "HH24":"MI' },
    ]);
    assert.deepEqual(postgresFormatParts("'Week 'ww"), [{ toChar: '"Week "IW' }]);
    assert.deepEqual(postgresFormatParts('EEEE dd MMMM'), [
      { names: 'days' },
      { toChar: '" "DD" "' },
      { names: 'months' },
    ]);
    assert.deepEqual(postgresFormatParts('E MMM'), [
      { names: 'daysShort' },
      { toChar: '" "' },
      { names: 'monthsShort' },
    ]);
  });
});

describe('range() buckets', () => {
  it('starts buckets on calendar boundaries in the time zone', () => {
    const t = Date.UTC(2019, 2, 22, 23, 30);
    assert.equal(bucketStart(t, 'day', 1, 'UTC'), Date.UTC(2019, 2, 22));
    assert.equal(bucketStart(t, 'day', 1, 'Europe/Paris'), Date.UTC(2019, 2, 22, 23));
    assert.equal(bucketStart(t, 'week', 1, 'UTC'), Date.UTC(2019, 2, 18));
    assert.equal(bucketStart(t, 'quarter', 1, 'UTC'), Date.UTC(2019, 0, 1));
    assert.equal(bucketStart(t, 'hour', 6, 'UTC'), Date.UTC(2019, 2, 22, 18));
  });
});

test('wall clocks match Intl for any instant, DST change days included', () => {
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ];
  const reference = (ms: number, zone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(ms)
        .map((p) => [p.type, Number(p.value)]),
    );
    return [
      parts['year'],
      parts['month'],
      parts['day'],
      parts['hour'],
      parts['minute'],
      parts['second'],
    ];
  };
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.constantFrom(...zones),
      (ms, zone) => {
        const w = wallClock(ms, zone);
        assert.deepEqual([w.year, w.month, w.day, w.hour, w.minute, w.second], reference(ms, zone));
      },
    ),
    { numRuns: 5000, seed: 20261129 },
  );
  // Every minute around the 2026 spring and autumn changes in Paris.
  for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
    for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 60_000) {
      const w = wallClock(ms, 'Europe/Paris');
      assert.deepEqual(
        [w.year, w.month, w.day, w.hour, w.minute, w.second],
        reference(ms, 'Europe/Paris'),
      );
    }
  }
});
