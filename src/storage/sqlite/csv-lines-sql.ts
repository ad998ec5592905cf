// The SELECT that writes a range's CSV lines in SQLite (RowEncoding.csvLines): one row holding
// the UTF-8 bytes of all its lines (each ended by CRLF) as a blob, and their number. No row
// becomes JavaScript values: making them was half of a reader's time, the quoting and joining a
// quarter (docs/performance.md, session 11).
//
// A line is its cells joined by the delimiter when none of its texts needs quoting (one check
// over all of them, noQuotingSql), else the same with each text quoted where needed. A value SQL
// cannot write as the row encoder does is written as a NUL byte (REFUSED_BYTE): the reader then
// encodes the range row by row. The query is wrapped as joinedSql wraps it: its ORDER BY keeps it
// a co-routine under the aggregate, so group_concat takes the rows in the query's order.

import type { CsvLineCell, CsvLines } from '../../core/csv-lines.ts';

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * What SQL writes for a value it cannot write as the encoder does: a NUL byte, which no line of
 * a row SQL can write holds (a text holding one is written the careful way, see noQuotingSql),
 * so a range whose bytes hold one is encoded row by row.
 */
export const REFUSED_BYTE = 0;
const REFUSED = `char(${REFUSED_BYTE})`;

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
 * A number as String() writes it, or REFUSED. A double is written from its 15 significant digits
 * when they read back as the same double: then they are its shortest exact text, which is
 * String()'s. String() writes no exponent from 1e-6 to 1e21; printf('%g') none from 1e-4 to 1e15,
 * and between 1e-6 and 1e-4 the digits are printed with a fixed number of decimals. Doubles of
 * 16 or 17 digits, and the rest of the range, are left to JavaScript.
 */
function numberText(value: string): string {
  const digits = fifteenDigits(value);
  const size = `abs(${value})`;
  const real =
    `CASE WHEN ${value} = 0 THEN '0' ` +
    `WHEN ${size} >= 1e-4 AND ${size} < 1e15 THEN ${exact(digits.general, value)} ` +
    `WHEN ${size} >= 1e-5 AND ${size} < 1e-4 THEN ${exact(digits.fixed(19), value)} ` +
    `WHEN ${size} >= 1e-6 AND ${size} < 1e-5 THEN ${exact(digits.fixed(20), value)} ` +
    `ELSE ${REFUSED} END`;
  // Most numbers first, at the cost of two comparisons (a text or a blob compares above them).
  const common = `(${value} >= 1e-4 AND ${value} < 1e15) OR (${value} <= -1e-4 AND ${value} > -1e15)`;
  return (
    `CASE WHEN ${common} THEN ${exact(digits.general, value)} ` +
    `WHEN ${value} IS NULL THEN '' ` +
    `ELSE CASE typeof(${value}) ` +
    `WHEN 'integer' THEN iif(${size} <= ${SAFE_INTEGER}, CAST(${value} AS TEXT), ${REFUSED}) ` +
    `WHEN 'real' THEN ${real} ELSE ${REFUSED} END END`
  );
}

/** Milliseconds since 1970 as formatInstant writes them in UTC, or REFUSED. */
function instantText(value: string): string {
  const millis = `((${value} % 1000) + 1000) % 1000`;
  const seconds = `(${value} - ${millis}) / 1000`;
  const wholeSeconds = `strftime('%Y-%m-%dT%H:%M:%S', ${seconds}, 'unixepoch')`;
  // Whole seconds first: datetime() is the cheaper of the two.
  const inRange = `${value} BETWEEN ${FIRST_INSTANT_MS} AND ${LAST_INSTANT_MS}`;
  return (
    `CASE WHEN typeof(${value}) = 'integer' AND ${value} % 1000 = 0 AND ${inRange} ` +
    `THEN concat(replace(datetime(${value} / 1000, 'unixepoch'), ' ', 'T'), '+00:00') ` +
    `WHEN ${value} IS NULL THEN '' ` +
    `WHEN typeof(${value}) = 'integer' AND ${inRange} ` +
    `THEN concat(${wholeSeconds}, printf('.%03d', ${millis}), '+00:00') ` +
    `ELSE ${REFUSED} END`
  );
}

/**
 * A stored list joined with the separator, or REFUSED. Without a backslash, a JSON array of
 * strings holds no `"` inside its values, so its values are what lies between `","`.
 */
function listText(value: string, separator: string): string {
  return (
    `CASE WHEN ${value} IS NULL OR ${value} = '[]' THEN '' ` +
    `WHEN ${value} LIKE '["%"]' AND instr(${value}, '\\') = 0 ` +
    `THEN replace(substr(${value}, 3, length(${value}) - 4), '","', ${literal(separator)}) ` +
    `ELSE ${REFUSED} END`
  );
}

function cellText(cell: CsvLineCell, lines: CsvLines, column: (p: number) => string): string {
  switch (cell.kind) {
    case 'text':
      return `ifnull(${column(cell.position)}, '')`;
    case 'list':
      return listText(column(cell.position), lines.listSeparator);
    case 'number':
      return numberText(column(cell.position));
    case 'boolean': {
      const value = column(cell.position);
      return (
        `CASE WHEN ${value} IS NULL THEN '' ` +
        `WHEN ${value} = 1 AND typeof(${value}) IN ('integer', 'real') THEN 'true' ELSE 'false' END`
      );
    }
    case 'utc-instant':
      return instantText(column(cell.position));
    case 'point': {
      const lat = column(cell.lat);
      const lon = column(cell.lon);
      // `lat, lon` holds a comma: with that delimiter it is always quoted.
      const mark = lines.delimiter === ',' ? `'"'` : null;
      const text = [mark, numberText(lat), `', '`, numberText(lon), mark].filter(Boolean);
      return `iif(${lat} IS NULL OR ${lon} IS NULL, '', concat(${text.join(', ')}))`;
    }
  }
}

/** `text` in quotes when it holds the delimiter, `"`, CR or LF (csv.ts's quoter). */
function quoted(text: string, delimiter: string): string {
  const needs = [delimiter, '"', '\n', '\r'].map((c) => `instr(${text}, ${literal(c)})`);
  return `iif(${needs.join(' OR ')}, '"' || replace(${text}, '"', '""') || '"', ${text})`;
}

/** Text cells (texts and lists) whose column the load did not find plain: they are checked. */
function checkedCell(cell: CsvLineCell, plain: ReadonlySet<string>): boolean {
  return (cell.kind === 'text' || cell.kind === 'list') && !plain.has(cell.column);
}

/**
 * True when no checked text of the row needs quoting: its checked texts (lists without their
 * quotes), joined, hold no delimiter, `"`, CR or LF. One json_quote over them all: it writes a
 * backslash for each `"`, CR, LF (and tab, backslash, other control characters: their rows are
 * merely written the careful way), after the delimiter was made a `"`. Null: nothing to check.
 */
function noQuotingSql(
  cells: readonly CsvLineCell[],
  delimiter: string,
  column: (p: number) => string,
  plain: ReadonlySet<string>,
): string | null {
  const texts = cells.flatMap((cell) => {
    if (!checkedCell(cell, plain)) return [];
    const value = `ifnull(${column((cell as { position: number }).position)}, '')`;
    return [cell.kind === 'list' ? `replace(${value}, '"', '')` : value];
  });
  if (texts.length === 0) return null;
  const joined = texts.length === 1 ? texts[0]! : `concat(${texts.join(', ')})`;
  const marked = delimiter === '\t' ? joined : `replace(${joined}, ${literal(delimiter)}, '"')`;
  return `instr(json_quote(${marked}), '\\') = 0`;
}

/**
 * `sql`, whose rows have `width` columns, as one row: the blob of its CSV lines (NULL when it has
 * no row; holding REFUSED_BYTE when SQL could not write one of them) and how many.
 */
export function csvLinesSql(
  sql: string,
  width: number,
  lines: CsvLines,
  plainColumns: ReadonlySet<string> = new Set(),
): string {
  const names = Array.from({ length: width }, (_, i) => `"c${i}"`);
  const column = (position: number) => names[position]!;
  const delimiter = literal(lines.delimiter);
  const cells = lines.cells.map((cell) => cellText(cell, lines, column));
  const plain = `concat_ws(${delimiter}, ${cells.join(', ')})`;
  const careful = `concat_ws(${delimiter}, ${lines.cells
    .map((cell, i) =>
      checkedCell(cell, plainColumns) ? quoted(`(${cells[i]})`, lines.delimiter) : cells[i],
    )
    .join(', ')})`;
  const clean = noQuotingSql(lines.cells, lines.delimiter, column, plainColumns);
  const line = clean === null ? plain : `iif(${clean}, ${plain}, ${careful})`;
  return (
    `WITH "line_rows"(${names.join(', ')}) AS (${sql}) ` +
    `SELECT CAST(group_concat(${line}, char(13, 10)) || char(13, 10) AS BLOB), count(*) ` +
    `FROM "line_rows"`
  );
}
