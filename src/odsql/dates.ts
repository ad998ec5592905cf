// Date literals, refine date paths and time-zone arithmetic, in pure JavaScript (Intl only).

export type DatePrecision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';

/** A calendar date-time as written; `offsetMinutes` is set when the text carries a zone. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  precision: DatePrecision;
  offsetMinutes: number | null;
}

const PRECISIONS: DatePrecision[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  numbers: number[],
  precision: DatePrecision,
  offset: number | null,
): DateParts | null {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = numbers;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return null;
  }
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: ms,
    precision,
    offsetMinutes: offset,
  };
}

const ISO =
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses `2019`, `2019-03`, `2019/03/22`, `2019-03-22T10:00:00.000Z`…; null when invalid. */
export function parseDateText(text: string): DateParts | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const numbers: number[] = [];
  let precision: DatePrecision = 'year';
  for (let i = 1; i <= 6; i++) {
    const part = m[i];
    if (part === undefined) break;
    numbers.push(Number(part));
    precision = PRECISIONS[i - 1] as DatePrecision;
  }
  if (m[7] !== undefined) {
    numbers.push(Math.round(Number(`0.${m[7]}`) * 1000));
    precision = 'millisecond';
  }
  return build(numbers, precision, m[8] === undefined ? null : parseOffset(m[8]));
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/** Parses a refine path `2019`, `2019/03`, `2019/03/22`, `2019/03/22/10`…; null when invalid. */
export function parseDatePath(path: string): DateParts | null {
  const segments = path.trim().split('/');
  if (segments.length > 6 || segments.some((s) => !/^\d{1,4}$/.test(s))) return null;
  if ((segments[0] as string).length !== 4) return null;
  const precision = PRECISIONS[segments.length - 1] as DatePrecision;
  return build(segments.map(Number), precision, null);
}

/** The start of the period after the one `parts` names (2019-03 → 2019-04-01T00:00). */
export function nextPeriod(parts: DateParts): DateParts {
  const p = { ...parts };
  switch (parts.precision) {
    case 'year':
      p.year += 1;
      break;
    case 'month':
      if (p.month === 12) {
        p.year += 1;
        p.month = 1;
      } else p.month += 1;
      break;
    default: {
      const steps = { day: 86400000, hour: 3600000, minute: 60000, second: 1000, millisecond: 1 };
      const t = wallClockMs(parts) + steps[parts.precision];
      const d = new Date(t);
      return {
        ...parts,
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds(),
      };
    }
  }
  return p;
}

/** The wall-clock time of `parts` read as if it were UTC. */
function wallClockMs(p: DateParts): number {
  const t = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  // Date.UTC maps years 0..99 to 1900+; fix them.
  return p.year < 100 ? new Date(t).setUTCFullYear(p.year) : t;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter giving the wall-clock fields of an instant in `timeZone`. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock fields of the instant `ms` in `timeZone`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const out: WallClock = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: 1,
  };
  // UTC, or a zone whose offset holds all day: the fields of the shifted instant, read as UTC.
  const offset = timeZone === 'UTC' ? 0 : steadyOffset(ms, timeZone);
  if (offset === null) return readParts(ms, timeZone, out);
  const local = new Date(ms + offset);
  out.year = local.getUTCFullYear();
  out.month = local.getUTCMonth() + 1;
  out.day = local.getUTCDate();
  out.hour = local.getUTCHours();
  out.minute = local.getUTCMinutes();
  out.second = local.getUTCSeconds();
  out.weekday = ((local.getUTCDay() + 6) % 7) + 1;
  return out;
}

/** The wall-clock fields of `ms` in `timeZone`, through Intl (microseconds per call). */
function readParts(ms: number, timeZone: string, out: WallClock): WallClock {
  for (const part of zoneFormatter(timeZone).formatToParts(ms)) {
    switch (part.type) {
      case 'year':
        out.year = Number(part.value);
        break;
      case 'month':
        out.month = Number(part.value);
        break;
      case 'day':
        out.day = Number(part.value);
        break;
      case 'hour':
        out.hour = Number(part.value);
        break;
      case 'minute':
        out.minute = Number(part.value);
        break;
      case 'second':
        out.second = Number(part.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[part.value] ?? 1;
        break;
    }
  }
  return out;
}

const DAY_MS = 86_400_000;
// By zone, by UTC day: the zone's offset when it is the same all day long, null on a day the
// offset changes. Two Intl calls per distinct day instead of one per value (date facets and
// date parts run this for every record).
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetFromParts(ms: number, timeZone: string): number {
  const w = readParts(ms, timeZone, { ...EMPTY_CLOCK, millisecond: ((ms % 1000) + 1000) % 1000 });
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - ms;
}

const EMPTY_CLOCK: WallClock = {
  year: 0,
  month: 0,
  day: 0,
  hour: 0,
  minute: 0,
  second: 0,
  millisecond: 0,
  weekday: 1,
};

/** The offset of `timeZone` at `ms` when it holds for the whole UTC day; else null. */
function steadyOffset(ms: number, timeZone: string): number | null {
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = offsetFromParts(day * DAY_MS, timeZone);
    const end = offsetFromParts((day + 1) * DAY_MS - 1, timeZone);
    offset = start === end && Number.isFinite(start) ? start : null;
    if (days.size >= 100_000) days.clear();
    days.set(day, offset);
  }
  return offset;
}

// Offsets already computed, by zone and second: Intl formatting costs microseconds per call.
const offsets = new Map<string, number>();

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(ms / 1000)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const offset = asUtc - ms;
  if (offsets.size >= 10000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * The instant (epoch ms) of `parts`, read in `timeZone` unless the text carried an offset. A
 * wall-clock time that occurs twice (autumn DST change) is its first occurrence; one that never
 * occurs (spring gap) is read with the offset before the gap (02:30 → 03:30 after the change).
 */
export function toEpochMs(parts: DateParts, timeZone: string): number {
  const local = wallClockMs(parts);
  if (parts.offsetMinutes !== null) return local - parts.offsetMinutes * 60000;
  if (timeZone === 'UTC') return local;
  const before = offsetAt(local - 86400000, timeZone);
  const after = offsetAt(local + 86400000, timeZone);
  if (before === after) return local - before;
  const valid = [local - before, local - after].filter((t) => local - offsetAt(t, timeZone) === t);
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

/** `YYYY-MM-DD` of `parts` (a date field value); an instant with an offset is read in `timeZone`. */
export function toDateString(parts: DateParts, timeZone: string): string {
  if (parts.offsetMinutes === null) {
    return `${String(parts.year).padStart(4, '0')}-${twoDigits(parts.month)}-${twoDigits(parts.day)}`;
  }
  const w = wallClock(toEpochMs(parts, timeZone), timeZone);
  return `${String(w.year).padStart(4, '0')}-${twoDigits(w.month)}-${twoDigits(w.day)}`;
}

/** Throws a RangeError when `timeZone` is not a time zone Intl knows. */
export function checkTimeZone(timeZone: string): void {
  zoneFormatter(timeZone);
}
