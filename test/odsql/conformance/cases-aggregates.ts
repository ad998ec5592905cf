// Every aggregate, and group_by with fields, date parts, date_format, range() and geo_cluster.
import type { Case } from './case.ts';
import { rows } from './case.ts';

const PARIS = { timezone: 'Europe/Paris' };

export const AGGREGATE_CASES: Case[] = [
  rows({ select: 'count(*) as c' }, [{ c: 8 }]),
  rows({ select: 'count(n) as c' }, [{ c: 6 }]),
  rows({ select: 'count(name) as c' }, [{ c: 7 }]),
  rows({ select: 'count(distinct city) as c' }, [{ c: 6 }]),
  rows({ select: 'count(distinct ok) as c' }, [{ c: 2 }]),
  rows({ select: 'count(*) as c', where: 'n > 10' }, [{ c: 3 }]),
  rows({ select: 'count(*) as c', where: 'n > 1000' }, [{ c: 0 }]),
  rows({ select: 'count(*) as c', refine: 'tags:bar' }, [{ c: 3 }]),
  rows({ select: 'sum(n) as s' }, [{ s: 155 }]),
  rows({ select: 'sum(n) as s', where: 'n > 1000' }, [{ s: null }]),
  rows({ select: 'sum(x) as s', where: 'id in ("a", "b")' }, [{ s: 4 }]),
  rows({ select: 'avg(n) as m', where: 'n in (10, 20)' }, [{ m: 15 }]),
  rows({ select: 'avg(x) as m', where: 'id in ("a", "b", "c")' }, [{ m: 2.5 }]),
  rows({ select: 'avg(n) as m', where: 'n is null' }, [{ m: null }]),
  rows({ select: 'min(n) as lo, max(n) as hi' }, [{ lo: -5, hi: 100 }]),
  rows({ select: 'min(x) as lo, max(x) as hi' }, [{ lo: -1, hi: 10.25 }]),
  rows({ select: 'min(d) as lo, max(d) as hi' }, [{ lo: '2019-12-31', hi: '2021-11-07' }]),
  rows({ select: 'max(ts) as m' }, [{ m: '2021-11-07T05:30:00+00:00' }]),
  rows({ select: 'min(ts) as m', ...PARIS }, [{ m: '2020-01-01T00:30:00+01:00' }]),
  rows({ select: 'median(n) as m' }, [{ m: 15 }]),
  rows({ select: 'percentile(n, 50) as p' }, [{ p: 15 }]),
  rows({ select: 'percentile(n, 100) as p' }, [{ p: 100 }]),
  rows({ select: 'median(x) as m', where: 'id in ("a", "b", "c")' }, [{ m: 2.5 }]),
  rows({ select: 'count(*) as c, sum(n) as s, max(n) - min(n) as spread' }, [
    { c: 8, s: 155, spread: 105 },
  ]),
  rows({ select: 'count(*)' }, [{ 'count(*)': 8 }]),
  rows({ select: 'bbox(geo) as b', where: 'id in ("a", "b")' }, [
    {
      b: {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [2.3522, 45.764],
              [4.8357, 45.764],
              [4.8357, 48.8566],
              [2.3522, 48.8566],
              [2.3522, 45.764],
            ],
          ],
        },
        properties: {},
      },
    },
  ]),
  // group_by
  rows({ select: 'ok, count(*) as c', group_by: 'ok', order_by: 'ok' }, [
    { ok: false, c: 3 },
    { ok: true, c: 3 },
    { ok: null, c: 2 },
  ]),
  rows({ select: 'y, count(*) as c', group_by: 'year(d) as y', order_by: 'y' }, [
    { y: 2019, c: 1 },
    { y: 2020, c: 1 },
    { y: 2021, c: 5 },
    { y: null, c: 1 },
  ]),
  rows({ select: 'y, count(*) as c', group_by: 'year(d) as y', order_by: 'y desc' }, [
    { y: 2021, c: 5 },
    { y: 2020, c: 1 },
    { y: 2019, c: 1 },
    { y: null, c: 1 },
  ]),
  rows({ select: 'y, count(*) as c', group_by: 'year(ts) as y', order_by: 'y', ...PARIS }, [
    { y: 2020, c: 2 },
    { y: 2021, c: 5 },
    { y: null, c: 1 },
  ]),
  rows(
    {
      select: 'm, count(*) as c',
      group_by: 'month(ts) as m',
      where: 'ts is not null',
      order_by: 'm',
      timezone: 'Asia/Kolkata',
    },
    [
      { m: 1, c: 1 },
      { m: 3, c: 3 },
      { m: 10, c: 2 },
      { m: 11, c: 1 },
    ],
  ),
  rows({ select: 'hr, count(*) as c', group_by: 'hour(ts) as hr', order_by: 'hr', ...PARIS }, [
    { hr: 0, c: 1 },
    { hr: 1, c: 1 },
    { hr: 2, c: 2 },
    { hr: 3, c: 1 },
    { hr: 6, c: 1 },
    { hr: 19, c: 1 },
    { hr: null, c: 1 },
  ]),
  rows(
    {
      select: 'm, count(*) as c',
      group_by: "date_format(ts, 'yyyy-MM') as m",
      order_by: 'm',
      timezone: 'America/New_York',
    },
    [
      { m: '2019-12', c: 1 },
      { m: '2020-02', c: 1 },
      { m: '2021-03', c: 2 },
      { m: '2021-10', c: 2 },
      { m: '2021-11', c: 1 },
      { m: null, c: 1 },
    ],
  ),
  rows(
    {
      select: 'k, count(*) as c',
      group_by: "date_format(ts, 'yyyy-MM-dd HH') as k",
      where: "ts in [date'2021-10-31'..date'2021-10-31']",
      order_by: 'k',
      ...PARIS,
    },
    [{ k: '2021-10-31 02', c: 2 }],
  ),
  rows({ select: 'r, count(*) as c', group_by: 'range(n, *, 0, 50, *) as r', order_by: 'r' }, [
    { r: '[*, 0[', c: 1 },
    { r: '[0, 50[', c: 4 },
    { r: '[50, *[', c: 1 },
  ]),
  rows({ select: 'r, count(*) as c', group_by: 'range(n, 0, 25) as r', order_by: 'r' }, [
    { r: '[0, 25[', c: 3 },
  ]),
  rows(
    {
      select: 'r, count(*) as c',
      group_by: 'range(n, 50) as r',
      where: 'n is not null',
      order_by: 'r',
    },
    [
      { r: -50, c: 1 },
      { r: 0, c: 4 },
      { r: 100, c: 1 },
    ],
  ),
  rows(
    {
      select: 'r, count(*) as c',
      group_by: 'range(d, 1y) as r',
      where: 'd is not null',
      order_by: 'r',
    },
    [
      { r: '2019-01-01', c: 1 },
      { r: '2020-01-01', c: 1 },
      { r: '2021-01-01', c: 5 },
    ],
  ),
  rows({ select: 'k, sum(n) as s', group_by: 'ok as k', order_by: 's desc' }, [
    { k: false, s: 120 },
    { k: null, s: 30 },
    { k: true, s: 5 },
  ]),
  rows({ select: 'y, count(*) as c', group_by: 'year(d) as y', order_by: 'c desc, y' }, [
    { y: 2021, c: 5 },
    { y: 2019, c: 1 },
    { y: 2020, c: 1 },
    { y: null, c: 1 },
  ]),
  rows({ select: 'count(*) as c', group_by: 'geo_cluster(geo, 1) as cl', order_by: 'c desc' }, [
    { c: 5 },
    { c: 1 },
    { c: 1 },
  ]),
  // group_by naming a select alias of geo_cluster(), as map clients write it
  rows(
    {
      select: 'geo_cluster(geo, 1) as cl, count(*) as c',
      group_by: 'cl',
      where: 'geo is null',
      order_by: 'c desc',
    },
    [{ cl: null, c: 1 }],
  ),
  rows({ select: 'id, count(*) as c', group_by: 'id', where: 'n > 25', order_by: 'id' }, [
    { id: 'd', c: 1 },
    { id: 'h', c: 1 },
  ]),
  rows({ group_by: 'year(d) as y', where: 'd is not null', order_by: 'y' }, [
    { y: 2019 },
    { y: 2020 },
    { y: 2021 },
  ]),
  rows(
    {
      select: 'y, max(n) as hi',
      group_by: 'year(d) as y',
      where: 'year(d) >= 2020',
      order_by: 'y',
    },
    [
      { y: 2020, hi: 0 },
      { y: 2021, hi: 100 },
    ],
  ),
  rows(
    {
      select: 'city, count(*) as c',
      group_by: 'city',
      refine: 'city:France/Paris',
      order_by: 'city',
    },
    [
      { city: 'France/Paris', c: 2 },
      { city: 'France/Paris/Montmartre', c: 1 },
    ],
  ),
];
