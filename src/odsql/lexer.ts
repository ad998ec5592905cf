// ODSQL lexer: text → tokens with offsets. A hand-written scanner over char codes (no regex),
// so that lexing a typical clause costs a few microseconds.

import type { Clause } from './errors.ts';
import { odsqlError } from './errors.ts';
import type { Token, TokenKind } from './tokens.ts';

/** Units that may be glued to a number: distances (10km) and intervals (1d, 2M). */
const UNITS = new Set([
  'mi',
  'yd',
  'ft',
  'm',
  'cm',
  'km',
  'mm',
  'ms',
  's',
  'h',
  'd',
  'w',
  'M',
  'q',
  'y',
]);

const TWO_CHAR_PUNCT = new Set(['!=', '<>', '<=', '>=', '..']);
const ONE_CHAR_PUNCT = '(),*+-/=<>[]:';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
}

export function lex(text: string, clause: Clause): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, end: number, unit = ''): void => {
    tokens.push({ kind, value, unit, start, end });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 39 || c === 34) {
      const [value, end] = readString(text, i, clause);
      push('string', value, start, end);
      i = end;
    } else if (c === 96) {
      const [value, end] = readBackquoted(text, i, clause);
      push('quoted', value, start, end);
      i = end;
    } else if (isDigit(c)) {
      i = readNumberOrWord(text, i, push);
    } else if (isWordChar(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // Dotted names (`default.modified`, a metadata template's field) are one word.
      while (text.charCodeAt(i) === 46 && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
      }
      const word = text.slice(start, i);
      const next = text.charCodeAt(i);
      const lower = word.toLowerCase();
      if ((next === 39 || next === 34) && (lower === 'date' || lower === 'geom')) {
        const [value, end] = readString(text, i, clause);
        push(lower === 'date' ? 'date' : 'geom', value, start, end);
        i = end;
      } else {
        push('word', word, start, i);
      }
    } else {
      const two = text.slice(i, i + 2);
      if (TWO_CHAR_PUNCT.has(two)) {
        push('punct', two === '<>' ? '!=' : two, start, i + 2);
        i += 2;
      } else if (ONE_CHAR_PUNCT.includes(text[i] as string)) {
        push('punct', text[i] as string, start, i + 1);
        i++;
      } else {
        throw odsqlError(`Unexpected character ${JSON.stringify(text[i])}`, clause, start);
      }
    }
  }
  push('eof', '', n, n);
  return tokens;
}

type Push = (kind: TokenKind, value: string, start: number, end: number, unit?: string) => void;

/** Reads 12, 1.5, 10km, or a name starting with digits (`2019_total`). */
function readNumberOrWord(text: string, i: number, push: Push): number {
  const n = text.length;
  const start = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const numberEnd = i;
  while (i < n && isWordChar(text.charCodeAt(i))) i++;
  if (i === numberEnd) {
    push('number', text.slice(start, i), start, i);
    return i;
  }
  const suffix = text.slice(numberEnd, i);
  if (UNITS.has(suffix)) {
    push('number', text.slice(start, numberEnd), start, i, suffix);
  } else {
    push('word', text.slice(start, i), start, i);
  }
  return i;
}

/** Reads a '…' or "…" string with backslash escapes; returns [value, end offset]. */
function readString(text: string, i: number, clause: Clause): [string, number] {
  const quote = text.charCodeAt(i);
  const open = i;
  i++;
  let value = '';
  let chunk = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote) return [value + text.slice(chunk, i), i + 1];
    if (c === 92) {
      value += text.slice(chunk, i);
      const [unescaped, next] = readEscape(text, i + 1);
      value += unescaped;
      i = next;
      chunk = i;
      continue;
    }
    i++;
  }
  throw odsqlError('Unterminated string', clause, open, text.length);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

function readEscape(text: string, i: number): [string, number] {
  const ch = text[i];
  if (ch === undefined) return ['\\', i];
  if (ch === 'u') {
    const hex = text.slice(i + 1, i + 5);
    if (hex.length === 4 && /^[0-9a-fA-F]{4}$/.test(hex)) {
      return [String.fromCharCode(parseInt(hex, 16)), i + 5];
    }
  }
  return [SIMPLE_ESCAPES[ch] ?? ch, i + 1];
}

function readBackquoted(text: string, i: number, clause: Clause): [string, number] {
  const open = i;
  i++;
  let value = '';
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '`') {
      if (value === '') throw odsqlError('Empty field name', clause, open, i + 1);
      return [value, i + 1];
    }
    if (ch === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw odsqlError('Unterminated field name', clause, open, text.length);
}
