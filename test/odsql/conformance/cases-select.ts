// Select expressions, aliases, text functions, date_format and rendering in a time zone.
import type { Case } from './case.ts';
import { rows } from './case.ts';

const one = (id: string, select: string, expected: Record<string, unknown>, timezone = 'UTC') =>
  rows({ select, where: `id = '${id}'`, timezone }, [expected]);

export const SELECT_CASES: Case[] = [
  one('a', 'id, n + 1 as m', { id: 'a', m: 11 }),
  one('a', 'n / 0 as z', { z: null }),
  one('a', 'n / 4 as q', { q: 2.5 }),
  one('g', 'x * 2 as y', { y: 20.5 }),
  one('a', '1 + 2 as three', { three: 3 }),
  one('a', String.raw`'it\'s' as s`, { s: "it's" }),
  one('a', String.raw`"tab\there" as s`, { s: 'tab\there' }),
  one('b', 'lower(name) as l', { l: 'boulangerie éclair' }),
  one('b', 'upper(name) as u', { u: 'BOULANGERIE ÉCLAIR' }),
  one('b', 'length(name) as n', { n: 18 }),
  one('f', 'length(name) as n', { n: null }),
  one('c', 'ifnull(n, 0) as v', { v: 0 }),
  one('a', 'ifnull(n, 0) as v', { v: 10 }),
  one('f', "ifnull(name, 'none') as v", { v: 'none' }),
  one('c', "date_format(ts, 'yyyy-MM-dd HH:mm') as f", { f: '2021-10-31 02:30' }, 'Europe/Paris'),
  one('h', "date_format(ts, 'yyyy-MM-dd HH:mm') as f", { f: '2021-10-31 02:30' }, 'Europe/Paris'),
  one('e', "date_format(ts, 'yyyy-MM-dd HH:mm') as f", { f: '2020-03-01 00:15' }, 'Asia/Kolkata'),
  one('e', "date_format(d, 'dd/MM/yyyy') as f", { f: '29/02/2020' }),
  one('e', "date_format(ts, 'EEEE') as f", { f: 'samedi' }),
  one('d', "date_format(ts, 'HH:mm') as f", { f: '01:30' }, 'America/New_York'),
  one('d', 'year(ts) as y, hour(ts) as h', { y: 2021, h: 1 }, 'America/New_York'),
  one('a', 'ts', { ts: '2021-03-28T01:30:00+01:00' }, 'Europe/Paris'),
  one('b', 'ts', { ts: '2021-03-28T03:30:00+02:00' }, 'Europe/Paris'),
  one('h', 'ts', { ts: '2021-10-31T02:30:00+01:00' }, 'Europe/Paris'),
  one('c', 'ts', { ts: '2021-10-31T02:30:00+02:00' }, 'Europe/Paris'),
  one('e', 'ts', { ts: '2020-03-01T00:15:00+05:30' }, 'Asia/Kolkata'),
  one('a', 'n as `my n`', { 'my n': 10 }),
  one('a', 'n as "my key"', { 'my key': 10 }),
  one('a', 'geo', { geo: { lon: 2.3522, lat: 48.8566 } }),
  one('f', 'geo, shape, tags', { geo: null, shape: null, tags: null }),
  one('h', 'tags', { tags: ['Bar', 'crêperie'] }),
  one('a', "distance(geo, geom'POINT(2.3522 48.8566)') as dist", { dist: 0 }),
  one('a', 'd, ok', { d: '2021-03-28', ok: true }),
  one('h', 'name', { name: 'Zoé "Quote" \\ back' }),
  one('a', 'x, `n`', { x: 1.5, n: 10 }),
];
