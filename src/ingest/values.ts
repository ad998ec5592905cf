// Strict readers of typed values from CSV text, shared by type inference and conversion.
// Each returns undefined when the text is not a value of its type. Char tests, no regex.

import type { GeoPoint } from '../core/cell.ts';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** Digits at [start, end) as a number, or -1 if one of them is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!(code >= ZERO && code <= NINE)) return -1;
    value = value * 10 + code - ZERO;
  }
  return value;
}

/** `-12`, `0`, `42`; no leading zero (`01480` is a code, not a number), within ±2^53. */
export function readInt(text: string): number | undefined {
  const length = text.length;
  const start = text.charCodeAt(0) === MINUS ? 1 : 0;
  if (length === start || length - start > 16) return undefined;
  if (text.charCodeAt(start) === ZERO && length - start > 1) return undefined;
  for (let i = start; i < length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value + 0 : undefined;
}

/** `-1.5`, `3`, `0.25`, `6.02e23`: a `.` decimal point, no leading zero before other digits. */
export function readDouble(text: string): number | undefined {
  const length = text.length;
  let i = text.charCodeAt(0) === MINUS || text.charCodeAt(0) === PLUS ? 1 : 0;
  const intStart = i;
  while (i < length && isDigit(text.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits === 0) return undefined;
  if (intDigits > 1 && text.charCodeAt(intStart) === ZERO) return undefined;
  if (i < length && text.charCodeAt(i) === DOT) {
    const fracStart = ++i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart) return undefined;
  }
  if (i < length && (text.charCodeAt(i) | 32) === 101) {
    i++;
    if (i < length && (text.charCodeAt(i) === MINUS || text.charCodeAt(i) === PLUS)) i++;
    const expStart = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i === expStart) return undefined;
  }
  if (i !== length) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** `true` or `false`, in any case. */
export function readBoolean(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === 'true') return true;
  if (text.length === 5 && text.toLowerCase() === 'false') return false;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDate(year: number, month: number, day: number): boolean {
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether the text starts with a valid `YYYY-MM-DD`. */
function startsWithIsoDate(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) {
    return false;
  }
  return isDate(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 719468;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY`, returned as `YYYY-MM-DD`. */
export function readDate(text: string): string | undefined {
  if (text.length !== 10) return undefined;
  if (text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
    const day = digitsAt(text, 0, 2);
    const month = digitsAt(text, 3, 5);
    const year = digitsAt(text, 6, 10);
    return isDate(year, month, day)
      ? `${text.slice(6)}-${text.slice(3, 5)}-${text.slice(0, 2)}`
      : undefined;
  }
  return startsWithIsoDate(text) ? text : undefined;
}

/** An ISO `YYYY-MM-DD` as epoch milliseconds at midnight UTC. */
export function readIsoDateAsTime(text: string): number | undefined {
  if (text.length !== 10 || !startsWithIsoDate(text)) return undefined;
  const days = epochDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
  return days * 86400000;
}

/**
 * ISO 8601 date and time as epoch milliseconds: `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]`, then `Z`,
 * `±HH:MM`, `±HHMM`, `±HH` or nothing (UTC).
 */
export function readDatetime(text: string): number | undefined {
  const length = text.length;
  if (length < 16 || !startsWithIsoDate(text)) return undefined;
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || text.charCodeAt(13) !== 58) return undefined;
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  let second = 0;
  let millis = 0;
  let i = 16;
  if (i < length && text.charCodeAt(i) === 58) {
    if (length < 19) return undefined;
    second = digitsAt(text, 17, 19);
    i = 19;
    if (i < length && text.charCodeAt(i) === DOT) {
      const start = ++i;
      let scale = 100;
      for (; i < length && isDigit(text.charCodeAt(i)); i++, scale /= 10) {
        if (scale >= 1) millis += (text.charCodeAt(i) - ZERO) * scale;
      }
      if (i === start) return undefined;
    }
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const offset = readOffset(text, i);
  if (offset === undefined) return undefined;
  const days = epochDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
  return ((days * 24 + hour) * 60 + minute - offset) * 60000 + second * 1000 + millis;
}

/** The UTC offset in minutes of the text from `start` (`Z`, `±HH:MM`, `±HHMM`, `±HH`, ''). */
function readOffset(text: string, start: number): number | undefined {
  const rest = text.length - start;
  if (rest === 0) return 0;
  const sign = text.charCodeAt(start);
  if (rest === 1) return sign === 90 || sign === 122 ? 0 : undefined;
  if (sign !== PLUS && sign !== MINUS) return undefined;
  const hours = digitsAt(text, start + 1, start + 3);
  let minutes = 0;
  if (rest === 6 && text.charCodeAt(start + 3) === 58)
    minutes = digitsAt(text, start + 4, start + 6);
  else if (rest === 5) minutes = digitsAt(text, start + 3, start + 5);
  else if (rest !== 3) return undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return (sign === MINUS ? -1 : 1) * (hours * 60 + minutes);
}

/** `"lat, lon"` (space optional) with -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180. */
export function readGeoPoint(text: string): GeoPoint | undefined {
  const comma = text.indexOf(',');
  if (comma < 1) return undefined;
  let start = comma + 1;
  while (text.charCodeAt(start) === 32) start++;
  let end = comma;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  const lat = readCoordinate(text, 0, end);
  const lon = readCoordinate(text, start, text.length);
  if (lat === undefined || lon === undefined || lat < -90 || lat > 90) return undefined;
  return lon >= -180 && lon <= 180 ? { lat, lon } : undefined;
}

/**
 * A plain decimal number at [start, end); leading zeros are tolerated (`-00.5`). Up to 15
 * digits, the exact integer of the digits divided by the exact power of ten is the correctly
 * rounded value, as Number() would give, without making a substring.
 */
function readCoordinate(text: string, start: number, end: number): number | undefined {
  const sign = text.charCodeAt(start);
  let i = sign === MINUS || sign === PLUS ? start + 1 : start;
  let digits = 0;
  let dots = 0;
  let mantissa = 0;
  let scale = 1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      digits++;
      mantissa = mantissa * 10 + code - ZERO;
      if (dots === 1) scale *= 10;
    } else if (code === DOT && dots === 0) {
      dots++;
    } else {
      return undefined;
    }
  }
  if (digits === 0) return undefined;
  if (digits > 15) return Number(text.slice(start, end));
  return sign === MINUS ? -mantissa / scale : mantissa / scale;
}
