// date_format() patterns (Joda-like: yyyy/YYYY MM dd HH mm ss, xxxx week year, w, e, E/EEEE, D,
// MMMM, 'literal'): a JavaScript formatter (used by the SQLite function) and a translation to
// PostgreSQL to_char pieces. Month and weekday names follow the `lang` parameter (date-names.ts).

import type { DateNames } from './date-names.ts';
import { dateNames } from './date-names.ts';
import type { WallClock } from './dates.ts';

type Piece = { literal: string } | { symbol: string };

/** Splits a pattern into runs of one letter and literal text. */
function pieces(pattern: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else text += pattern[i++];
      }
      out.push({ literal: text });
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out.push({ symbol: pattern.slice(i, j) });
      i = j;
    } else {
      out.push({ literal: ch });
      i++;
    }
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO week number and week-based year. */
function isoWeek(w: WallClock): [number, number] {
  const date = Date.UTC(w.year, w.month - 1, w.day);
  const thursday = date + (4 - w.weekday) * 86400000;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1;
  return [week, year];
}

function dayOfYear(w: WallClock): number {
  return (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000 + 1;
}

/** The list of names a symbol prints (E, EEEE, MMM, MMMM), or null for a number. */
function namesOf(symbol: string): keyof DateNames | null {
  if (symbol[0] === 'E') return symbol.length >= 4 ? 'days' : 'daysShort';
  if (symbol[0] === 'M' && symbol.length >= 3) return symbol.length >= 4 ? 'months' : 'monthsShort';
  return null;
}

function formatSymbol(symbol: string, w: WallClock, lang: string): string {
  const n = symbol.length;
  const names = namesOf(symbol);
  if (names) {
    const list = dateNames(lang)[names];
    return (names.startsWith('day') ? list[w.weekday - 1] : list[w.month - 1]) ?? '';
  }
  switch (symbol[0]) {
    case 'y':
    case 'Y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'x': {
      const year = isoWeek(w)[1];
      return n === 2 ? pad(year % 100, 2) : pad(year, n);
    }
    case 'w':
      return pad(isoWeek(w)[0], n);
    case 'e':
      return pad(w.weekday, n);
    case 'D':
      return pad(dayOfYear(w), n);
    case 'M':
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'H':
      return pad(w.hour, n);
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(w.millisecond, 3).slice(0, n);
    default:
      return symbol;
  }
}

export function formatDate(pattern: string, w: WallClock, lang: string): string {
  return dateFormatter(pattern)(w, lang);
}

/** A formatter for one pattern, split once (for code that formats many values). */
export function dateFormatter(pattern: string): (w: WallClock, lang: string) => string {
  const split = pieces(pattern);
  return (w, lang) => {
    let out = '';
    for (const piece of split) {
      out += 'literal' in piece ? piece.literal : formatSymbol(piece.symbol, w, lang);
    }
    return out;
  };
}

const TO_CHAR: Record<string, string> = {
  yyyy: 'YYYY',
  yy: 'YY',
  y: 'FMYYYY',
  YYYY: 'YYYY',
  xxxx: 'IYYY',
  YY: 'YY',
  xx: 'IY',
  w: 'FMIW',
  ww: 'IW',
  e: 'ID',
  D: 'FMDDD',
  DDD: 'DDD',
  M: 'FMMM',
  MM: 'MM',
  d: 'FMDD',
  dd: 'DD',
  H: 'FMHH24',
  HH: 'HH24',
  m: 'FMMI',
  mm: 'MI',
  s: 'FMSS',
  ss: 'SS',
  SSS: 'MS',
};

/** A piece of a date_format() on PostgreSQL: a to_char() pattern, or a list of names. */
export type PostgresFormatPart = { toChar: string } | { names: keyof DateNames };

/** The to_char() patterns and name lookups that print an ODSQL date_format() pattern. */
export function postgresFormatParts(pattern: string): PostgresFormatPart[] {
  const parts: PostgresFormatPart[] = [];
  const add = (text: string): void => {
    const last = parts[parts.length - 1];
    if (last && 'toChar' in last) last.toChar += text;
    else parts.push({ toChar: text });
  };
  for (const piece of pieces(pattern)) {
    if ('literal' in piece) {
      if (piece.literal !== '') add(`"${piece.literal.replaceAll('"', '\\"')}"`);
      continue;
    }
    const names = namesOf(piece.symbol);
    if (names) parts.push({ names });
    else add(TO_CHAR[piece.symbol] ?? `"${piece.symbol}"`);
  }
  return parts;
}
