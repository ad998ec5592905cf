// order_by: directions, nulls last both ways, several keys, expressions, aliases, paging.
import type { Case } from './case.ts';
import { query, rows } from './case.ts';

export const ORDER_CASES: Case[] = [
  query({ order_by: 'n' }, 'geabdhcf'),
  query({ order_by: 'n asc' }, 'geabdhcf'),
  query({ order_by: '+n' }, 'geabdhcf'),
  query({ order_by: 'n desc' }, 'hdbaegcf'),
  query({ order_by: 'n DESC' }, 'hdbaegcf'),
  query({ order_by: '-n' }, 'hdbaegcf'),
  query({ order_by: 'x' }, 'dehabcgf'),
  query({ order_by: 'x desc, id' }, 'gcbahedf'),
  query({ order_by: 'id desc' }, 'hgfedcba'),
  query({ order_by: 'ok, id' }, 'behacgdf'),
  query({ order_by: 'ok desc, id desc' }, 'gcahebfd'),
  query({ order_by: 'd' }, 'gebahcdf'),
  query({ order_by: 'd desc' }, 'dchabegf'),
  query({ order_by: 'ts desc' }, 'dhcbaegf'),
  query({ order_by: 'ts' }, 'geabchdf'),
  query({ order_by: 'year(d) desc, id' }, 'abcdhegf'),
  query({ order_by: 'hour(ts), id', timezone: 'Europe/Paris' }, 'gachbdef'),
  query({ order_by: 'n * -1' }, 'hdbaegcf'),
  query({ order_by: 'ifnull(n, 1000)' }, 'geabdhcf'),
  query({ order_by: '`n` desc' }, 'hdbaegcf'),
  query({ order_by: 'n', limit: 2, offset: 1 }, 'ea'),
  query({ order_by: 'n desc', limit: 3 }, 'hdb'),
  query({ order_by: 'n', offset: 6 }, 'cf'),
  query({ where: 'n > 0', order_by: 'x desc' }, 'bahd'),
  query({ limit: 3 }, 'abc'),
  query({ offset: 7 }, 'h'),
  query({ offset: 8 }, ''),
  query({ limit: 0 }, ''),
  rows({ select: 'id, n * 2 as dbl', where: 'n > 15', order_by: 'dbl desc' }, [
    { id: 'h', dbl: 200 },
    { id: 'd', dbl: 60 },
    { id: 'b', dbl: 40 },
  ]),
  rows({ select: 'id, x as n', where: 'id in ("a", "b", "d")', order_by: 'n' }, [
    { id: 'd', n: -1 },
    { id: 'a', n: 1.5 },
    { id: 'b', n: 2.5 },
  ]),
];
