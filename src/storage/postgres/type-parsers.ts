// How raw PostgreSQL values come back from this engine, in the canonical forms of the storage
// contract: timestamps as epoch milliseconds, dates as 'YYYY-MM-DD' strings (never a JS Date),
// int8 and numeric as numbers, arrays as JS arrays, json and jsonb parsed.
// The parsers are given to each client and cursor, so pg's global defaults stay untouched.

import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

type Parser = (text: string) => unknown;

const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  int8Array: 1016,
  numericArray: 1231,
  dateArray: 1182,
  timestampArray: 1115,
  timestamptzArray: 1185,
  textArray: 1009,
} as const;

const builtinParser = pg.types.getTypeParser as (oid: number) => Parser;
const parseTextArray = builtinParser(OID.textArray) as (text: string) => (string | null)[];

function toNumber(text: string): number {
  return Number(text);
}

/** Sessions run with TimeZone=UTC and ISO DateStyle, so timestamps read `2024-05-01 10:00:00+00`. */
export function parseTimestamp(text: string): number {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  const bc = text.endsWith(' BC');
  const body = bc ? text.slice(0, -3) : text;
  const match =
    /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?(?::(\d\d))?)?$/.exec(
      body,
    );
  if (!match) return Date.parse(text);
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os] = match;
  let year = Number(y);
  if (bc) year = 1 - year;
  const millis = frac ? Math.floor(Number(frac) * 1000) : 0;
  const utc = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
  // Date.UTC maps years 0–99 to 1900–1999; set the year again to undo that.
  const date = new Date(utc);
  date.setUTCFullYear(year);
  const offset = sign
    ? (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0))
    : 0;
  return date.getTime() - offset * 1000;
}

function arrayOf(parse: Parser): Parser {
  return (text) => parseTextArray(text).map((item) => (item === null ? null : parse(item)));
}

function identity(text: string): string {
  return text;
}

const PARSERS = new Map<number, Parser>([
  [OID.int8, toNumber],
  [OID.numeric, toNumber],
  [OID.date, identity],
  [OID.timestamp, parseTimestamp],
  [OID.timestamptz, parseTimestamp],
  [OID.int8Array, arrayOf(toNumber)],
  [OID.numericArray, arrayOf(toNumber)],
  [OID.dateArray, arrayOf(identity)],
  [OID.timestampArray, arrayOf(parseTimestamp)],
  [OID.timestamptzArray, arrayOf(parseTimestamp)],
]);

/** The `types` option of this engine's clients and cursors. */
export const TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      const parser = PARSERS.get(oid);
      if (parser) return parser;
    }
    return pg.types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};
