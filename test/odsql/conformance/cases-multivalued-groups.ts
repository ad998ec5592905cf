// Grouping by the multivalued field `tags`: one group per value, a record counting in each of its
// values' groups (a: bar+restaurant, b: boulangerie, c: restaurant, d: deli+bar, e and f: none,
// g: bar, h: Bar+crêperie). Text sorts by code point, so 'Bar' < 'bar'; nulls come last.
import type { Case } from './case.ts';
import { rows } from './case.ts';

const BY_TAGS = { group_by: 'tags', order_by: 'tags' };

export const MULTIVALUED_GROUP_CASES: Case[] = [
  rows({ select: 'tags, count(*) as c', ...BY_TAGS }, [
    { tags: 'Bar', c: 1 },
    { tags: 'bar', c: 3 },
    { tags: 'boulangerie', c: 1 },
    { tags: 'crêperie', c: 1 },
    { tags: 'deli', c: 1 },
    { tags: 'restaurant', c: 2 },
    { tags: null, c: 2 },
  ]),
  // n: a 10, b 20, c null, d 30, e 0, f null, g -5, h 100.
  rows({ select: 'tags, sum(n) as s', ...BY_TAGS }, [
    { tags: 'Bar', s: 100 },
    { tags: 'bar', s: 35 },
    { tags: 'boulangerie', s: 20 },
    { tags: 'crêperie', s: 100 },
    { tags: 'deli', s: 30 },
    { tags: 'restaurant', s: 10 },
    { tags: null, s: 0 },
  ]),
  // select omitted: the group keys only.
  rows({ ...BY_TAGS, where: 'tags is not null' }, [
    { tags: 'Bar' },
    { tags: 'bar' },
    { tags: 'boulangerie' },
    { tags: 'crêperie' },
    { tags: 'deli' },
    { tags: 'restaurant' },
  ]),
  // where picks records (b, d, h), then each of their values makes a group.
  rows({ select: 'tags, count(*) as c', where: 'n > 15', ...BY_TAGS }, [
    { tags: 'Bar', c: 1 },
    { tags: 'bar', c: 1 },
    { tags: 'boulangerie', c: 1 },
    { tags: 'crêperie', c: 1 },
    { tags: 'deli', c: 1 },
  ]),
  // refine keeps a, d, g: their other values still form groups (as the facet counts do).
  rows({ select: 'tags, count(*) as c', refine: 'tags:bar', ...BY_TAGS }, [
    { tags: 'bar', c: 3 },
    { tags: 'deli', c: 1 },
    { tags: 'restaurant', c: 1 },
  ]),
  // exclude drops a, d, g; h ('Bar') stays.
  rows({ select: 'tags, count(*) as c', exclude: 'tags:bar', ...BY_TAGS }, [
    { tags: 'Bar', c: 1 },
    { tags: 'boulangerie', c: 1 },
    { tags: 'crêperie', c: 1 },
    { tags: 'restaurant', c: 1 },
    { tags: null, c: 2 },
  ]),
  // A membership filter in where still means "has the value".
  rows(
    {
      select: 'tags as t, count(*) as c',
      where: '"restaurant" IN tags',
      group_by: 'tags as t',
      order_by: 't',
    },
    [
      { t: 'bar', c: 1 },
      { t: 'restaurant', c: 2 },
    ],
  ),
  rows({ select: 'tags, count(*) as c', group_by: 'tags', order_by: 'c desc, tags' }, [
    { tags: 'bar', c: 3 },
    { tags: 'restaurant', c: 2 },
    { tags: null, c: 2 },
    { tags: 'Bar', c: 1 },
    { tags: 'boulangerie', c: 1 },
    { tags: 'crêperie', c: 1 },
    { tags: 'deli', c: 1 },
  ]),
  rows({ select: 'tags, count(*) as c', ...BY_TAGS, limit: 2, offset: 1 }, [
    { tags: 'bar', c: 3 },
    { tags: 'boulangerie', c: 1 },
  ]),
  // Functions of the field apply to each value: h's 'Bar' joins 'bar'.
  rows({ select: 't, count(*) as c', group_by: 'lower(tags) as t', order_by: 't' }, [
    { t: 'bar', c: 4 },
    { t: 'boulangerie', c: 1 },
    { t: 'crêperie', c: 1 },
    { t: 'deli', c: 1 },
    { t: 'restaurant', c: 2 },
    { t: null, c: 2 },
  ]),
  rows({ select: 't, count(*) as c', group_by: "ifnull(tags, 'none') as t", order_by: 't' }, [
    { t: 'Bar', c: 1 },
    { t: 'bar', c: 3 },
    { t: 'boulangerie', c: 1 },
    { t: 'crêperie', c: 1 },
    { t: 'deli', c: 1 },
    { t: 'none', c: 2 },
    { t: 'restaurant', c: 2 },
  ]),
  // Two keys: each value of each record with its ok (a true, b false, c true, d null, g true,
  // h false).
  rows(
    {
      select: 'tags, ok, count(*) as c',
      group_by: 'tags, ok',
      order_by: 'tags, ok',
      where: 'tags is not null',
    },
    [
      { tags: 'Bar', ok: false, c: 1 },
      { tags: 'bar', ok: true, c: 2 },
      { tags: 'bar', ok: null, c: 1 },
      { tags: 'boulangerie', ok: false, c: 1 },
      { tags: 'crêperie', ok: false, c: 1 },
      { tags: 'deli', ok: null, c: 1 },
      { tags: 'restaurant', ok: true, c: 2 },
    ],
  ),
  // Aggregates over the records of each value: avg(x) for bar = (1.5 - 1 + 10.25) / 3.
  rows({ select: 'tags, avg(x) as m, max(d) as last', where: 'tags = "bar"', ...BY_TAGS }, [
    { tags: 'bar', m: 3.5833333333333335, last: '2021-11-07' },
    { tags: 'deli', m: -1, last: '2021-11-07' },
    { tags: 'restaurant', m: 1.5, last: '2021-03-28' },
  ]),
  // Without group_by, count(*) still counts records once.
  rows({ select: 'count(*) as c', where: 'tags is not null' }, [{ c: 6 }]),
];
