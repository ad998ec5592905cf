// The SELECT that writes a range's JSON records (or GeoJSON features) in SQLite
// (RowEncoding.jsonLines), as csv-lines-sql.ts writes CSV lines: one row holding the UTF-8 bytes
// of all of them, framed as the row encoder's chunks are, and their number. A record is its
// members' texts in one concat(); a text of a plain column is put between quotes, another goes
// through json_quote (whose escapes are JSON.stringify's: json-joined.test.ts checks every code
// point).

import type { JsonLineValue, JsonLines } from '../../core/json-lines.ts';
import {
  REFUSED,
  concatSql,
  instantText,
  lineColumn,
  numberText,
  rangeLinesSql,
} from './line-values-sql.ts';
import { quoteText } from './quote.ts';

function valueText(value: JsonLineValue, plainColumns: ReadonlySet<string>): string {
  switch (value.kind) {
    case 'text': {
      const text = lineColumn(value.position);
      if (plainColumns.has(value.column)) return `coalesce('"' || ${text} || '"', 'null')`;
      return (
        `CASE typeof(${text}) WHEN 'text' THEN json_quote(${text}) WHEN 'null' THEN 'null' ` +
        `ELSE ${REFUSED} END`
      );
    }
    case 'list': {
      // The loads store a list as JSON.stringify writes it: the text the row encoder writes.
      const list = lineColumn(value.position);
      return (
        `CASE WHEN ${list} IS NULL THEN 'null' ` +
        `WHEN ${list} = '[]' OR ${list} LIKE '["%"]' THEN ${list} ELSE ${REFUSED} END`
      );
    }
    case 'number':
      return numberText(lineColumn(value.position), `'null'`, plainColumns.has(value.column));
    case 'boolean': {
      const flag = lineColumn(value.position);
      return (
        `CASE WHEN ${flag} IS NULL THEN 'null' ` +
        `WHEN (typeof(${flag}) IN ('integer', 'real') AND ${flag} = 1) ` +
        `OR (typeof(${flag}) = 'text' AND ${flag} IN ('1', 't')) THEN 'true' ELSE 'false' END`
      );
    }
    case 'instant': {
      const instant = lineColumn(value.position);
      const text = instantText(instant, "''", value.zone);
      return `iif(${instant} IS NULL, 'null', concat('"', ${text}, '"'))`;
    }
    case 'point':
      return pointText(value, `'{"lon":'`, `',"lat":'`, `'}'`, plainColumns.has(value.column));
  }
}

/** A point as `before` lon `between` lat `after` (SQL texts), or null. */
function pointText(
  point: { lat: number; lon: number },
  before: string,
  between: string,
  after: string,
  plain: boolean,
): string {
  const [lat, lon] = [lineColumn(point.lat), lineColumn(point.lon)];
  const [latText, lonText] = [numberText(lat, REFUSED, plain), numberText(lon, REFUSED, plain)];
  const parts = [before, lonText, between, latText, after];
  return `iif(${lat} IS NULL OR ${lon} IS NULL, 'null', concat(${parts.join(', ')}))`;
}

/**
 * `sql`, whose rows have `width` columns, as one row: the blob of its JSON records framed by
 * `separator` and `terminator` (NULL when it has no row; holding REFUSED_BYTE when SQL could not
 * write one of them), and how many. Values of `plainColumns` are written without looking at them.
 */
export function jsonLinesSql(
  sql: string,
  width: number,
  lines: JsonLines,
  framing: { separator: string; terminator: string },
  plainColumns: ReadonlySet<string> = new Set(),
): string {
  const members = lines.members.flatMap((member, i) => [
    quoteText(`${i === 0 ? '' : ','}${member.name}`),
    valueText(member.value, plainColumns),
  ]);
  const feature = lines.feature;
  const line = feature
    ? concatSql([
        `'{"type":"Feature","geometry":'`,
        pointText(
          feature,
          `'{"type":"Point","coordinates":['`,
          `','`,
          `']}'`,
          plainColumns.has(feature.column),
        ),
        `',"properties":{'`,
        ...members,
        `'}}'`,
      ])
    : concatSql([`'{'`, ...members, `'}'`]);
  return rangeLinesSql(sql, width, line, framing);
}
