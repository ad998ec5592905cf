// now([named args]): singular names set a component, plural names add to it (in the query's
// time zone), like a relative delta: sets first, then additions, then weekday moves.

import type { DateParts } from './dates.ts';
import { toEpochMs, wallClock } from './dates.ts';

const WEEKDAY_NAMES = [
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of now() with `args` applied, from `base` (epoch ms). */
export function computeNow(base: number, args: Map<string, number>, timeZone: string): number {
  const w = wallClock(base, timeZone);
  let year = args.get('year') ?? w.year;
  let month = args.get('month') ?? w.month;
  let day = args.get('day') ?? w.day;
  const hour = args.get('hour') ?? w.hour;
  const minute = args.get('minute') ?? w.minute;
  const second = args.get('second') ?? w.second;
  const micro = args.get('microsecond');
  const millisecond = micro === undefined ? w.millisecond : Math.floor(micro / 1000);

  const totalMonths =
    year * 12 + (month - 1) + (args.get('years') ?? 0) * 12 + (args.get('months') ?? 0);
  year = Math.floor(totalMonths / 12);
  month = (totalMonths % 12) + 1;
  day = Math.min(Math.max(day, 1), daysIn(year, month));
  const parts: DateParts = {
    year,
    month,
    day,
    hour: Math.min(Math.max(hour, 0), 23),
    minute: Math.min(Math.max(minute, 0), 59),
    second: Math.min(Math.max(second, 0), 59),
    millisecond,
    precision: 'millisecond',
    offsetMinutes: null,
  };
  let ms = toEpochMs(parts, timeZone);
  ms += (args.get('weeks') ?? 0) * 7 * 86400000;
  ms += (args.get('days') ?? 0) * 86400000;
  ms += (args.get('hours') ?? 0) * 3600000;
  ms += (args.get('minutes') ?? 0) * 60000;
  ms += (args.get('seconds') ?? 0) * 1000;
  ms += Math.floor((args.get('microseconds') ?? 0) / 1000);
  const weekday = args.get('weekday');
  if (weekday !== undefined) ms = moveToWeekday(ms, weekday + 1, 1, timeZone);
  WEEKDAY_NAMES.forEach((name, index) => {
    const count = args.get(name);
    if (count !== undefined && count !== 0) ms = moveToWeekday(ms, index + 1, count, timeZone);
  });
  return ms;
}

/** Moves to the |count|-th given ISO weekday forwards (count > 0, today included) or backwards. */
function moveToWeekday(ms: number, isoDay: number, count: number, timeZone: string): number {
  const current = wallClock(ms, timeZone).weekday;
  let days: number;
  if (count > 0) days = ((isoDay - current + 7) % 7) + (count - 1) * 7;
  else days = -(((current - isoDay + 7) % 7) + (-count - 1) * 7);
  return ms + days * 86400000;
}
