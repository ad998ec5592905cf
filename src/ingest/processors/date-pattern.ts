// Date formats for the normalize_date processor: strftime directives (`%d/%m/%Y %H:%M`) or the
// letters of ODS's date formats (`dd/MM/yyyy HH:mm`, as in date_format()). A format compiles to
// one anchored regular expression, so reading a value is one exec and a little arithmetic.
// Month names are read in French or English, with or without accents and final dot.

import { dateNames } from '../../odsql/date-names.ts';
import type { DateParts } from '../../odsql/dates.ts';

type Part = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'minute';
type Slot = Part | 'second' | 'fraction' | 'ampm' | 'offset' | 'ignored';

export interface DatePattern {
  /** Reads a value; undefined when it does not match the format or names no real date. */
  read(text: string): DateParts | undefined;
  hasTime: boolean;
}

const NUMBER = (min: number, max: number) => `(\\d{${min},${max}})`;
const NAME = '([\\p{L}.]+)';

const STRFTIME: Record<string, [string, Slot] | string> = {
  Y: [NUMBER(4, 4), 'year'],
  y: [NUMBER(2, 2), 'year2'],
  m: [NUMBER(1, 2), 'month'],
  d: [NUMBER(1, 2), 'day'],
  e: [' ?(\\d{1,2})', 'day'],
  H: [NUMBER(1, 2), 'hour'],
  I: [NUMBER(1, 2), 'hour12'],
  M: [NUMBER(1, 2), 'minute'],
  S: [NUMBER(1, 2), 'second'],
  f: [NUMBER(1, 9), 'fraction'],
  p: ['([AaPp]\\.?[Mm]\\.?)', 'ampm'],
  z: ['(Z|[+-]\\d{2}:?\\d{2})', 'offset'],
  b: [NAME, 'monthName'],
  h: [NAME, 'monthName'],
  B: [NAME, 'monthName'],
  a: [NAME, 'ignored'],
  A: [NAME, 'ignored'],
  T: '%H:%M:%S',
  F: '%Y-%m-%d',
  D: '%m/%d/%y',
  R: '%H:%M',
};

/** ODS / Joda letters: a run of one letter, by letter and length. */
function letters(symbol: string): [string, Slot] | undefined {
  const n = symbol.length;
  switch (symbol[0]) {
    case 'y':
    case 'Y':
      return n === 2 ? [NUMBER(2, 2), 'year2'] : [NUMBER(4, 4), 'year'];
    case 'M':
      return n >= 3 ? [NAME, 'monthName'] : [NUMBER(n, 2), 'month'];
    case 'd':
      return [NUMBER(n, 2), 'day'];
    case 'H':
      return [NUMBER(n, 2), 'hour'];
    case 'h':
      return [NUMBER(n, 2), 'hour12'];
    case 'm':
      return [NUMBER(n, 2), 'minute'];
    case 's':
      return [NUMBER(n, 2), 'second'];
    case 'S':
      return [NUMBER(1, 9), 'fraction'];
    case 'a':
      return ['([AaPp]\\.?[Mm]\\.?)', 'ampm'];
    case 'Z':
    case 'X':
    case 'x':
      return ['(Z|[+-]\\d{2}:?\\d{2})', 'offset'];
    case 'E':
      return [NAME, 'ignored'];
    default:
      return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The regular expression and slot list of a format; throws an Error naming what is wrong. */
function translate(format: string): { source: string; slots: Slot[] } {
  const slots: Slot[] = [];
  let source = '';
  const add = ([re, slot]: [string, Slot]): void => {
    source += re;
    slots.push(slot);
  };
  if (format.includes('%')) {
    const expanded = format.replace(/%([TFDR])/g, (_, d: string) => STRFTIME[d] as string);
    for (let i = 0; i < expanded.length; i++) {
      const ch = expanded[i] as string;
      if (ch !== '%') {
        source += escape(ch);
        continue;
      }
      const directive = expanded[++i] ?? '';
      if (directive === '%') source += '%';
      else if (Array.isArray(STRFTIME[directive])) add(STRFTIME[directive] as [string, Slot]);
      else throw new Error(`unknown directive %${directive}`);
    }
  } else {
    for (let i = 0; i < format.length;) {
      const ch = format[i] as string;
      if (ch === "'") {
        const end = format.indexOf("'", i + 1);
        source += escape(end === -1 ? format.slice(i + 1) : format.slice(i + 1, end));
        i = end === -1 ? format.length : end + 1;
      } else if (/[A-Za-z]/.test(ch)) {
        let j = i;
        while (format[j] === ch) j++;
        const symbol = format.slice(i, j);
        const known = letters(symbol);
        if (!known) throw new Error(`unknown pattern letters "${symbol}"`);
        add(known);
        i = j;
      } else {
        source += escape(ch);
        i++;
      }
    }
  }
  if (!slots.includes('year') && !slots.includes('year2'))
    throw new Error('the format has no year');
  return { source, slots };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

let monthIndex: Map<string, number> | undefined;

/** French and English month names, long and short, folded → month number. */
function months(): Map<string, number> {
  if (monthIndex) return monthIndex;
  monthIndex = new Map();
  for (const lang of ['fr', 'en']) {
    const names = dateNames(lang);
    names.months.forEach((name, i) => monthIndex?.set(fold(name), i + 1));
    names.monthsShort.forEach((name, i) => monthIndex?.set(fold(name), i + 1));
  }
  for (const [name, month] of [...monthIndex]) {
    if (name.length > 3) monthIndex.set(name.slice(0, 3), month);
  }
  // "juin" and "juillet" share a prefix: keep the unambiguous short forms.
  monthIndex.set('jui', NaN);
  monthIndex.set('juil', 7);
  return monthIndex;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return text[0] === '-' ? -minutes : minutes;
}

/** Compiles a format; throws an Error (its message says why) when the format is not usable. */
export function compileDatePattern(format: string): DatePattern {
  const { source, slots } = translate(format);
  const re = new RegExp(`^\\s*${source}\\s*$`, 'u');
  const names = slots.includes('monthName') ? months() : undefined;
  const hasTime = slots.some((s) => s === 'hour' || s === 'hour12');
  const read = (text: string): DateParts | undefined => {
    const m = re.exec(text);
    if (!m) return undefined;
    const parts: DateParts = {
      year: 0,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
      precision: 'millisecond',
      offsetMinutes: null,
    };
    let pm: boolean | undefined;
    for (let i = 0; i < slots.length; i++) {
      const value = m[i + 1] as string;
      switch (slots[i]) {
        case 'year':
          parts.year = Number(value);
          break;
        case 'year2': {
          // As Python's strptime: 69–99 are 1969–1999, 00–68 are 2000–2068.
          const n = Number(value);
          parts.year = n >= 69 ? 1900 + n : 2000 + n;
          break;
        }
        case 'month':
          parts.month = Number(value);
          break;
        case 'monthName': {
          const month = names?.get(fold(value));
          if (month === undefined || Number.isNaN(month)) return undefined;
          parts.month = month;
          break;
        }
        case 'day':
          parts.day = Number(value);
          break;
        case 'hour':
        case 'hour12':
          parts.hour = Number(value);
          break;
        case 'minute':
          parts.minute = Number(value);
          break;
        case 'second':
          parts.second = Number(value);
          break;
        case 'fraction':
          parts.millisecond = Math.floor(Number(`0.${value}`) * 1000);
          break;
        case 'ampm':
          pm = value[0] === 'p' || value[0] === 'P';
          break;
        case 'offset':
          parts.offsetMinutes = offsetMinutes(value);
          break;
        default:
          break;
      }
    }
    if (pm !== undefined) {
      if (parts.hour < 1 || parts.hour > 12) return undefined;
      parts.hour = (parts.hour % 12) + (pm ? 12 : 0);
    }
    const valid =
      parts.year >= 1 &&
      parts.month >= 1 &&
      parts.month <= 12 &&
      parts.day >= 1 &&
      parts.day <= daysInMonth(parts.year, parts.month) &&
      parts.hour <= 23 &&
      parts.minute <= 59 &&
      parts.second <= 59;
    return valid ? parts : undefined;
  };
  return { read, hasTime };
}
