// Values written in SQL as the export encoders write them in JavaScript, for the exports whose
// lines SQLite writes (csv-lines-sql.ts, json-lines-sql.ts): numbers as String() writes them,
// instants as formatInstant writes them in a zone. A value SQL cannot write so is written as a NUL
// byte (REFUSED_BYTE): the reader then encodes the range row by row. And the statement around a
// range's lines (rangeLinesSql).

import { formatOffset, isUtcZone } from '../../util/iso-time.ts';
import type { ZoneOffsets } from '../../util/zone-transitions.ts';
import { zoneOffsets } from '../../util/zone-transitions.ts';
import { quoteText } from './quote.ts';

/**
 * What SQL writes for a value it cannot write as the encoder does: a NUL byte. A CSV line holds
 * one otherwise only when a text does (written the careful way, csv-lines-sql.ts), a JSON line
 * never (JSON escapes it): a range whose bytes hold one is encoded row by row.
 */
export const REFUSED_BYTE = 0;
export const REFUSED = `char(${REFUSED_BYTE})`;

/** Beyond 2^53, a JavaScript number no longer holds the integer SQLite reads. */
const SAFE_INTEGER = 9007199254740991;
/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the four-digit years of strftime. */
const FIRST_INSTANT_MS = -62167219200000;
const LAST_INSTANT_MS = 253402300799999;

/** The shortest text of a double of at most 15 digits: printf's, trailing zeros trimmed. */
function fifteenDigits(value: string): { general: string; fixed: (decimals: number) => string } {
  return {
    general: `printf('%.15g', ${value})`,
    fixed: (decimals) => `rtrim(printf('%.${decimals}f', ${value}), '0')`,
  };
}

/** `text` when it reads back as the double `value`, else REFUSED. */
function exact(text: string, value: string): string {
  return `iif(CAST(${text} AS REAL) = ${value}, ${text}, ${REFUSED})`;
}

/**
 * A number as String() writes it (`whenNull`, an SQL text, for NULL), or REFUSED. A double is
 * written from its 15 significant digits when they read back as the same double: then they are
 * its shortest exact text, which is String()'s. String() writes no exponent from 1e-6 to 1e21,
 * printf('%g') none from 1e-4 to 1e15; between 1e-6 and 1e-4 the digits are printed with a fixed
 * number of decimals. Doubles of 16 or 17 digits, and the rest of the range, are left to
 * JavaScript. The numbers of a column the load found plain (core/plain-number.ts) are written
 * unchecked: CAST for an integer, printf for a double (by its magnitude, as here).
 */
export function numberText(value: string, whenNull: string, plain = false): string {
  const digits = fifteenDigits(value);
  if (plain) {
    return (
      `CASE WHEN typeof(${value}) = 'integer' THEN CAST(${value} AS TEXT) ` +
      `WHEN ${value} IS NULL THEN ${whenNull} ` +
      `WHEN ${value} >= 1e-4 OR ${value} <= -1e-4 OR ${value} = 0 THEN ${digits.general} ` +
      `WHEN abs(${value}) >= 1e-5 THEN ${digits.fixed(19)} ELSE ${digits.fixed(20)} END`
    );
  }
  const size = `abs(${value})`;
  const real =
    `CASE WHEN ${value} = 0 THEN '0' ` +
    `WHEN ${size} >= 1e-4 AND ${size} < 1e15 THEN ${exact(digits.general, value)} ` +
    `WHEN ${size} >= 1e-5 AND ${size} < 1e-4 THEN ${exact(digits.fixed(19), value)} ` +
    `WHEN ${size} >= 1e-6 AND ${size} < 1e-5 THEN ${exact(digits.fixed(20), value)} ` +
    `ELSE ${REFUSED} END`;
  // Integers first (their text is CAST's, half the cost of printf and its check), then most
  // doubles, at the cost of two comparisons (a text or a blob compares above them).
  const common = `(${value} >= 1e-4 AND ${value} < 1e15) OR (${value} <= -1e-4 AND ${value} > -1e15)`;
  const safe = `${value} BETWEEN -${SAFE_INTEGER} AND ${SAFE_INTEGER}`;
  return (
    `CASE WHEN typeof(${value}) = 'integer' THEN iif(${safe}, CAST(${value} AS TEXT), ${REFUSED}) ` +
    `WHEN ${common} THEN ${exact(digits.general, value)} ` +
    `WHEN ${value} IS NULL THEN ${whenNull} ` +
    `WHEN typeof(${value}) = 'real' THEN ${real} ELSE ${REFUSED} END`
  );
}

/**
 * The value of `offsets` at the instant `value` (SQL), by a balanced tree of comparisons with
 * the changes (`leaf` writes one offset as SQL): about nine comparisons for a zone with summer
 * time from 1900 to 2100.
 */
function offsetTree(value: string, zone: ZoneOffsets, leaf: (minutes: number) => string): string {
  const { changes, offsets } = zone;
  const tree = (low: number, high: number): string => {
    if (low === high) return leaf(offsets[low]!);
    const middle = (low + high + 1) >> 1;
    return `iif(${value} < ${changes[middle - 1]}, ${tree(low, middle - 1)}, ${tree(middle, high)})`;
  };
  return tree(0, offsets.length - 1);
}

/**
 * Milliseconds since 1970 as formatInstant writes them in `zone` (`whenNull`, an SQL text, for
 * NULL), or REFUSED: the wall-clock time of the instant moved by its zone's offset
 * (util/zone-transitions.ts), then the offset.
 */
export function instantText(value: string, whenNull: string, zone: string): string {
  const utc = isUtcZone(zone);
  const offsets = utc ? null : zoneOffsets(zone);
  const [first, last] = offsets
    ? [offsets.from, offsets.to - 1]
    : [FIRST_INSTANT_MS, LAST_INSTANT_MS];
  const local = offsets ? `(${value} + ${offsetTree(value, offsets, String)} * 60000)` : value;
  const suffix = offsets
    ? offsetTree(value, offsets, (minutes) => quoteText(formatOffset(minutes)))
    : `'+00:00'`;
  const millis = `((${value} % 1000) + 1000) % 1000`;
  const seconds = `(${local} - ${millis}) / 1000`;
  const wholeSeconds = `strftime('%Y-%m-%dT%H:%M:%S', ${seconds}, 'unixepoch')`;
  // Whole seconds first: datetime() is the cheaper of the two.
  const inRange = `${value} BETWEEN ${first} AND ${last}`;
  return (
    `CASE WHEN typeof(${value}) = 'integer' AND ${value} % 1000 = 0 AND ${inRange} ` +
    `THEN concat(replace(datetime(${local} / 1000, 'unixepoch'), ' ', 'T'), ${suffix}) ` +
    `WHEN ${value} IS NULL THEN ${whenNull} ` +
    `WHEN typeof(${value}) = 'integer' AND ${inRange} ` +
    `THEN concat(${wholeSeconds}, printf('.%03d', ${millis}), ${suffix}) ` +
    `ELSE ${REFUSED} END`
  );
}

/**
 * A boolean as the encoders read one (true only for the number 1): `whenTrue` or `whenFalse`
 * (SQL texts), or `whenNull`.
 */
export function booleanText(
  value: string,
  whenNull: string,
  whenTrue: string,
  whenFalse: string,
): string {
  return (
    `CASE WHEN ${value} IS NULL THEN ${whenNull} ` +
    `WHEN ${value} = 1 AND typeof(${value}) IN ('integer', 'real') THEN ${whenTrue} ` +
    `ELSE ${whenFalse} END`
  );
}

/** SQLite's limit on a function's arguments (SQLITE_MAX_FUNCTION_ARG), with room to spare. */
const MAX_ARGUMENTS = 900;

/**
 * concat() of `parts` (SQL texts, none NULL), or concat_ws() with `separator` (an SQL text):
 * nested by groups when there are more than one call takes (a very wide dataset).
 */
export function concatSql(parts: readonly string[], separator?: string): string {
  const call = (args: readonly string[]) =>
    separator === undefined
      ? `concat(${args.join(', ')})`
      : `concat_ws(${separator}, ${args.join(', ')})`;
  if (parts.length <= MAX_ARGUMENTS) return call(parts);
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += MAX_ARGUMENTS) {
    groups.push(call(parts.slice(i, i + MAX_ARGUMENTS)));
  }
  return concatSql(groups, separator);
}

/**
 * `sql`, whose rows have `width` columns named `"c0"`… for `line`, as one row: the blob of its
 * lines (NULL when it has none), each followed by `terminator` and separated by `separator` as
 * ChunkWriter writes rows, and their number. The query is wrapped as joinedSql wraps it: its ORDER
 * BY keeps it a co-routine under the aggregate, so group_concat takes the rows in its order.
 */
export function rangeLinesSql(
  sql: string,
  width: number,
  line: string,
  framing: { separator: string; terminator: string },
): string {
  const names = Array.from({ length: width }, (_, i) => `"c${i}"`);
  const between = quoteText(framing.terminator + framing.separator);
  const after = framing.terminator === '' ? '' : ` || ${quoteText(framing.terminator)}`;
  return (
    `WITH "line_rows"(${names.join(', ')}) AS (${sql}) ` +
    `SELECT CAST(group_concat(${line}, ${between})${after} AS BLOB), count(*) FROM "line_rows"`
  );
}

/** The name of result column `position` in rangeLinesSql's `line`. */
export function lineColumn(position: number): string {
  return `"c${position}"`;
}
