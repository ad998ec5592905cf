// The `lang` parameter: month and day names of date_format(), French by default (as ODS).
// e: ts 2020-02-29 18:45 UTC, a Saturday (Sunday 1 March 00:15 in Kolkata), d 2020-02-29;
// a: d 2021-03-28, a Sunday. The names are CLDR's, as ODS's Java formatter prints them.
import type { Case } from './case.ts';
import { rows, where } from './case.ts';

const one = (id: string, select: string, expected: Record<string, unknown>, extra = {}) =>
  rows({ select, where: `id = '${id}'`, ...extra }, [expected]);

const LONG = "date_format(ts, 'EEEE d MMMM yyyy') as f";
const SHORT = "date_format(d, 'E d MMM') as f";

export const LANG_CASES: Case[] = [
  one('e', LONG, { f: 'samedi 29 février 2020' }),
  one('e', LONG, { f: 'samedi 29 février 2020' }, { lang: 'fr' }),
  one('e', LONG, { f: 'Saturday 29 February 2020' }, { lang: 'en' }),
  one('e', LONG, { f: 'dimanche 1 mars 2020' }, { timezone: 'Asia/Kolkata' }),
  one('e', LONG, { f: 'Sunday 1 March 2020' }, { timezone: 'Asia/Kolkata', lang: 'en' }),
  one('e', "date_format(d, 'EEEE, d. MMMM') as f", { f: 'Samstag, 29. Februar' }, { lang: 'de' }),
  one('e', "date_format(d, 'EEEE d MMMM') as f", { f: 'sábado 29 febrero' }, { lang: 'es' }),
  one('a', SHORT, { f: 'dim. 28 mars' }),
  one('a', SHORT, { f: 'Sun 28 Mar' }, { lang: 'en' }),
  one('f', LONG, { f: null }, { lang: 'en' }),
  one(
    'a',
    "date_format(d, 'MMMM') as f, date_format(d, 'MM') as m",
    { f: 'March', m: '03' },
    { lang: 'en' },
  ),
  // Grouping by a month name; d: a, b March, c, h October, d November, e February, g December.
  rows(
    {
      select: 'm, count(*) as c',
      group_by: "date_format(d, 'MMMM') as m",
      order_by: 'm',
      where: 'd is not null',
      lang: 'es',
    },
    [
      { m: 'diciembre', c: 1 },
      { m: 'febrero', c: 1 },
      { m: 'marzo', c: 2 },
      { m: 'noviembre', c: 1 },
      { m: 'octubre', c: 2 },
    ],
  ),
  where("date_format(d, 'MMMM') = 'octobre'", 'ch'),
  where("date_format(d, 'MMMM') = 'October'", '', { lang: 'fr' }),
  where('date_format(d, "MMMM") = \'October\'', 'ch', { lang: 'en' }),
  where("date_format(d, 'EEEE') = 'dimanche'", 'acd'),
];
