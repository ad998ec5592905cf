// Intervals of equal-width date ranges (`range(d, 1 day)`): unit names and bucket starts.

import type { DateParts } from './dates.ts';
import { toEpochMs, wallClock } from './dates.ts';

export type IntervalUnit =
  'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const SHORT: Record<string, IntervalUnit> = {
  ms: 'millisecond',
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  q: 'quarter',
  y: 'year',
};

/** The unit an interval spelling names (`d`, `day`, `days` → day; `m` minute, `M` month). */
export function intervalUnit(text: string): IntervalUnit | undefined {
  const short = SHORT[text];
  if (short) return short;
  const singular = text.endsWith('s') ? text.slice(0, -1) : text;
  return Object.values(SHORT).find((u) => u === singular);
}

/** Milliseconds of the fixed-width units. */
export const UNIT_MS: Partial<Record<IntervalUnit, number>> = {
  millisecond: 1,
  second: 1000,
  minute: 60000,
  hour: 3600000,
  day: 86400000,
  week: 7 * 86400000,
};

const DAY = 86400000;

/**
 * The start of the bucket holding `ms` (buckets of `count` units, aligned on the epoch for
 * units under a day, on local calendar boundaries in `timeZone` for days and longer).
 */
export function bucketStart(
  ms: number,
  unit: IntervalUnit,
  count: number,
  timeZone: string,
): number {
  const width = UNIT_MS[unit];
  if (width !== undefined && width < DAY) return Math.floor(ms / (width * count)) * width * count;
  const w = wallClock(ms, timeZone);
  const parts: DateParts = {
    year: w.year,
    month: w.month,
    day: w.day,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    precision: 'day',
    offsetMinutes: null,
  };
  switch (unit) {
    case 'day': {
      const dayNumber = Math.floor(Date.UTC(w.year, w.month - 1, w.day) / DAY);
      const start = new Date((dayNumber - (((dayNumber % count) + count) % count)) * DAY);
      parts.year = start.getUTCFullYear();
      parts.month = start.getUTCMonth() + 1;
      parts.day = start.getUTCDate();
      break;
    }
    case 'week': {
      const monday = new Date(Date.UTC(w.year, w.month - 1, w.day) - (w.weekday - 1) * DAY);
      parts.year = monday.getUTCFullYear();
      parts.month = monday.getUTCMonth() + 1;
      parts.day = monday.getUTCDate();
      break;
    }
    case 'month':
      parts.day = 1;
      break;
    case 'quarter':
      parts.day = 1;
      parts.month = w.month - ((w.month - 1) % 3);
      break;
    default:
      parts.day = 1;
      parts.month = 1;
  }
  return toEpochMs(parts, timeZone);
}
