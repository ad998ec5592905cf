import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { PortalError } from '../core/errors.ts';
import { makeField as field } from '../core/field.ts';
import type { RowScope } from './evaluate.ts';
import { compileRowCondition, compileRowValue } from './evaluate.ts';

const FIELDS = [
  field('name', 'text'),
  field('city', 'text'),
  field('activities', 'text', { multivalued: ['|'] }),
  field('score', 'int'),
  field('price', 'double'),
  field('open', 'boolean'),
  field('day', 'date'),
  field('seen', 'datetime'),
  field('point', 'geo_point_2d'),
];

const SCOPE: RowScope = { fields: FIELDS, timeZone: 'Europe/Paris' };

// 2019-03-22T10:30:00Z is 11:30 in Paris.
const SEEN = Date.UTC(2019, 2, 22, 10, 30);
const ROW = [
  'Boulangerie Pâtisserie du Marché',
  'Saint-Étienne',
  ['Restaurant', 'Traiteur'],
  3,
  12.5,
  true,
  '2019-03-22',
  SEEN,
  { lat: 48.8566, lon: 2.3522 },
];
const EMPTY: unknown[] = FIELDS.map(() => null);

function where(text: string, row: unknown[] = ROW): boolean {
  return compileRowCondition(text, SCOPE)(row);
}

function value(text: string, row: unknown[] = ROW): unknown {
  return compileRowValue(text, SCOPE).evaluate(row);
}

test('comparisons, with literals read as the other side', () => {
  assert.equal(where('score = 3'), true);
  assert.equal(where("score = '3'"), true);
  assert.equal(where('score > 3'), false);
  assert.equal(where('price >= 12.5 and price < 13'), true);
  assert.equal(where("city = 'Saint-Étienne'"), true);
  assert.equal(where("city != 'Lyon'"), true);
  assert.equal(where("open = 'true'"), true);
  assert.equal(where('open is true'), true);
  assert.equal(where('open is not false'), true);
});

test('null follows SQL: comparisons are unknown, NOT is "is not true"', () => {
  assert.equal(where('score = 3', EMPTY), false);
  assert.equal(where('score != 3', EMPTY), false);
  assert.equal(where('not score = 3', EMPTY), true);
  assert.equal(where('score is null', EMPTY), true);
  assert.equal(where('score is not null'), true);
  assert.equal(where('score = 3 or city is null', EMPTY), true);
  assert.equal(where('score in (1, 2)', EMPTY), false);
  assert.equal(where('score not in (1, 2)', EMPTY), true);
});

test('IN lists, ranges and multivalued fields', () => {
  assert.equal(where('score in (1, 3)'), true);
  assert.equal(where('score not in (1, 3)'), false);
  assert.equal(where('score in [3..5]'), true);
  assert.equal(where('score in ]3..5]'), false);
  assert.equal(where("activities = 'Traiteur'"), true);
  assert.equal(where("activities != 'Traiteur'"), false);
  assert.equal(where("activities != 'Boucherie'"), true);
  assert.equal(where("'Restaurant' in activities"), true);
  assert.equal(where("activities in ('Boucherie', 'Restaurant')"), true);
  assert.equal(where("activities:'Restaurant'"), true);
  assert.equal(where("activities = 'x'", EMPTY), false);
});

test('dates: literals are periods in the time zone', () => {
  assert.equal(where("day = '2019'"), true);
  assert.equal(where("day = '2019-03'"), true);
  assert.equal(where("day > '2019-03'"), false);
  assert.equal(where("day >= date'2019-03-22'"), true);
  assert.equal(where("seen = '2019-03-22'"), true);
  assert.equal(where("seen >= '2019-03-22T11:30'"), true);
  assert.equal(where("seen > '2019-03-22T11:30'"), false);
  assert.equal(where("seen < date'2019-03-22T11:31:00+01:00'"), true);
  assert.equal(where("seen in [date'2019'..date'2020']"), true);
  assert.equal(where("seen:'2019/03'"), true);
  assert.equal(where('seen < now()'), true);
  assert.equal(where('day > now(years=-1)'), false);
});

test('date functions read datetimes in the time zone', () => {
  assert.equal(value('hour(seen)'), 11);
  assert.equal(value('year(day)'), 2019);
  assert.equal(value('day(day)'), 22);
  assert.equal(value("date_format(seen, 'yyyy-MM-dd HH:mm')"), '2019-03-22 11:30');
  assert.equal(value("date_format(day, 'EEEE d MMMM')"), 'vendredi 22 mars');
  assert.equal(value('year(seen)', EMPTY), null);
});

test('text functions and arithmetic', () => {
  assert.equal(value('upper(city)'), 'SAINT-ÉTIENNE');
  assert.equal(value('lower(city)'), 'saint-étienne');
  assert.equal(value('length(city)'), 13);
  assert.equal(value("ifnull(city, 'unknown')", EMPTY), 'unknown');
  assert.equal(value('score * 2 + 1'), 7);
  assert.equal(value('score / 2'), 1.5);
  assert.equal(value('score / 0'), null);
  assert.equal(value('-score'), -3);
  assert.equal(value('score + 1', EMPTY), null);
  assert.deepEqual(compileRowValue('score / 2', SCOPE).type, 'double');
  assert.deepEqual(compileRowValue('upper(city)', SCOPE).type, 'text');
});

test('full text: words without case or accents, search() with a prefix', () => {
  assert.equal(where("name like 'marche'"), true);
  assert.equal(where("name like 'patisserie boulangerie'"), true);
  assert.equal(where("name like 'boulang'"), false);
  assert.equal(where("name like 'boulang*'"), true);
  assert.equal(where("search(name, 'boulangerie patis')"), true);
  assert.equal(where("suggest(name, 'boul pat')"), true);
  assert.equal(where('"etienne"'), true);
  assert.equal(where('"lyon"'), false);
  assert.equal(where("startswith(name, 'Boulangerie')"), true);
  assert.equal(where("startswith(activities, 'Trait')"), true);
});

test('point functions', () => {
  assert.equal(where("within_distance(point, geom'POINT(2.35 48.85)', 1km)"), true);
  assert.equal(where("within_distance(point, geom'POINT(2.35 48.85)', 100m)"), false);
  assert.equal(where('in_bbox(point, 48.8, 2.3, 48.9, 2.4)'), true);
  const metres = value("distance(point, geom'POINT(2.3522 48.8566)')") as number;
  assert.ok(metres < 0.001);
});

test('what has no meaning on one record is refused at compile time', () => {
  const refused = (run: () => unknown, pattern: RegExp) =>
    assert.throws(run, (e: unknown) => e instanceof PortalError && pattern.test(e.message));
  refused(() => compileRowValue('count(*)', SCOPE), /count\(\) is not allowed|Aggregates/);
  refused(() => compileRowCondition("intersects(point, geom'POINT(1 2)')", SCOPE), /not supported/);
  refused(() => compileRowCondition('unknown_field = 1', SCOPE), /Unknown field/);
  refused(() => compileRowCondition('score', SCOPE), /Expected a condition/);
  refused(() => compileRowValue('lower(activities)', SCOPE), /multivalued/);
  refused(() => compileRowCondition('', SCOPE), /empty/);
});

test('NOT c is the complement of c on any record (property)', () => {
  const row = fc.tuple(
    fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    fc.option(fc.constantFrom('Lyon', 'Paris', 'Saint-Étienne'), { nil: null }),
  );
  const conditions = [
    'score > 0',
    "city = 'Lyon'",
    'score in (1, 2, 3)',
    "score >= 0 and city != 'Paris'",
    'score < 0 or city is null',
    "city like 'etienne'",
  ];
  fc.assert(
    fc.property(row, fc.constantFrom(...conditions), ([score, city], condition) => {
      const cells = [...EMPTY];
      cells[1] = city;
      cells[3] = score;
      assert.notEqual(where(condition, cells), where(`not (${condition})`, cells));
    }),
  );
});
