// The SELECT that writes a range's CSV lines in SQLite (RowEncoding.csvLines): one row holding
// the UTF-8 bytes of all its lines (each ended by CRLF) as a blob, and their number. No row
// becomes JavaScript values: making them was half of a reader's time, the quoting and joining a
// quarter (docs/performance.md, session 11).
//
// A line is its cells joined by the delimiter when none of its texts needs quoting (one check
// over all of them, noQuotingSql), else the same with each text quoted where needed. A value SQL
// cannot write as the row encoder does is written as a NUL byte (line-values-sql.ts): the reader
// then encodes the range row by row.

import type { CsvLineCell, CsvLines } from '../../core/csv-lines.ts';
import {
  REFUSED,
  booleanText,
  concatSql,
  instantText,
  lineColumn,
  numberText,
  rangeLinesSql,
} from './line-values-sql.ts';
import { quoteText } from './quote.ts';

/**
 * A stored list joined with the separator, or REFUSED. Without a backslash, a JSON array of
 * strings holds no `"` inside its values, so its values are what lies between `","`.
 */
function listText(value: string, separator: string, plain: boolean): string {
  // The values of a plain column hold no `"` nor anything JSON escapes: no backslash to look for.
  const unescaped = plain ? '' : ` AND instr(${value}, '\\') = 0`;
  return (
    `CASE WHEN ${value} IS NULL OR ${value} = '[]' THEN '' ` +
    `WHEN ${value} LIKE '["%"]'${unescaped} ` +
    `THEN replace(substr(${value}, 3, length(${value}) - 4), '","', ${quoteText(separator)}) ` +
    `ELSE ${REFUSED} END`
  );
}

function cellText(
  cell: CsvLineCell,
  lines: CsvLines,
  column: (p: number) => string,
  plainColumns: ReadonlySet<string>,
): string {
  switch (cell.kind) {
    case 'text':
      return `ifnull(${column(cell.position)}, '')`;
    case 'list':
      return listText(column(cell.position), lines.listSeparator, plainColumns.has(cell.column));
    case 'number':
      return numberText(column(cell.position), "''", plainColumns.has(cell.column));
    case 'boolean':
      return booleanText(column(cell.position), "''", "'true'", "'false'");
    case 'instant':
      return instantText(column(cell.position), "''", cell.zone);
    case 'point': {
      const lat = column(cell.lat);
      const lon = column(cell.lon);
      // `lat, lon` holds a comma: with that delimiter it is always quoted.
      const mark = lines.delimiter === ',' ? `'"'` : null;
      const plain = plainColumns.has(cell.column);
      const [latText, lonText] = [numberText(lat, REFUSED, plain), numberText(lon, REFUSED, plain)];
      const text = [mark, latText, `', '`, lonText, mark].filter(Boolean);
      return `iif(${lat} IS NULL OR ${lon} IS NULL, '', concat(${text.join(', ')}))`;
    }
  }
}

/** `text` in quotes when it holds the delimiter, `"`, CR or LF (csv.ts's quoter). */
function quoted(text: string, delimiter: string): string {
  const needs = [delimiter, '"', '\n', '\r'].map((c) => `instr(${text}, ${quoteText(c)})`);
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
  const joined = texts.length === 1 ? texts[0]! : concatSql(texts);
  const marked = delimiter === '\t' ? joined : `replace(${joined}, ${quoteText(delimiter)}, '"')`;
  return `instr(json_quote(${marked}), '\\') = 0`;
}

/**
 * `sql`, whose rows have `width` columns, as one row: the blob of its CSV lines, each ended by
 * CRLF (NULL when it has no row; holding REFUSED_BYTE when SQL could not write one of them), and
 * how many. Texts of `plainColumns` are written without looking at them.
 */
export function csvLinesSql(
  sql: string,
  width: number,
  lines: CsvLines,
  plainColumns: ReadonlySet<string> = new Set(),
): string {
  const delimiter = quoteText(lines.delimiter);
  const cells = lines.cells.map((cell) => cellText(cell, lines, lineColumn, plainColumns));
  const plain = concatSql(cells, delimiter);
  const careful = concatSql(
    lines.cells.map((cell, i) =>
      checkedCell(cell, plainColumns) ? quoted(`(${cells[i]})`, lines.delimiter) : cells[i]!,
    ),
    delimiter,
  );
  const clean = noQuotingSql(lines.cells, lines.delimiter, lineColumn, plainColumns);
  const line = clean === null ? plain : `iif(${clean}, ${plain}, ${careful})`;
  return rangeLinesSql(sql, width, line, { separator: '', terminator: '\r\n' });
}
