// PostgreSQL overrides. Full text uses the `_fts` tsvector column (postgres-fts.ts); no
// extension is assumed (no PostGIS: polygon tests on points fall back to bounding boxes).

import { postgresFormatParts } from '../date-format.ts';
import { dateNames } from '../date-names.ts';
import { UNIT_MS } from '../intervals.ts';
import type { Dialect, FullTextTarget } from './dialect.ts';
import { postgresFtsDocument, postgresRank, postgresTsQuery } from './postgres-fts.ts';

const DAY_MS = 86400000;

function documentOf(target: FullTextTarget): string {
  return target.fields ? postgresFtsDocument(target.fields, target.language) : '"_fts"';
}

export const postgresDialect: Dialect = {
  name: 'postgres',
  placeholder: (index) => `$${index}`,
  reuseParams: true,
  booleanValue: (value) => value,
  datetimeValue: (ms) => new Date(ms).toISOString(),
  datetimeParam: (p) => `${p}::timestamptz`,
  dateParam: (p) => `${p}::date`,
  numberParam: (p, integer) => `${p}::${integer ? 'bigint' : 'double precision'}`,
  textParam: (p) => `${p}::text`,
  booleanParam: (p) => `${p}::boolean`,
  membership: (column, value) => `${value} = ANY(${column})`,
  unnestJoin: (list, alias) =>
    `LEFT JOIN LATERAL (SELECT DISTINCT v AS value FROM unnest(${list}) AS v) AS ${alias} ON true`,
  startsWith: (column, prefix, multivalued) =>
    multivalued
      ? `EXISTS (SELECT 1 FROM unnest(${column}) AS v WHERE starts_with(v, ${prefix}))`
      : `starts_with(${column}, ${prefix})`,
  fullText: (target, bind) =>
    `${documentOf(target)} @@ ${postgresTsQuery(target.terms, target.language, bind)}`,
  relevance: (target, bind) =>
    postgresRank(documentOf(target), postgresTsQuery(target.terms, target.language, bind)),
  datePart(value, type, part, zone) {
    const local =
      type === 'datetime' ? `(${value} AT TIME ZONE ${zone ?? "'UTC'"})` : `${value}::timestamp`;
    const extract = `EXTRACT(${part.toUpperCase()} FROM ${local})`;
    return part === 'second' ? `floor(${extract})::int` : `${extract}::int`;
  },
  dateFormat(value, type, pattern, lang, bind, zone) {
    const local =
      type === 'datetime' ? `(${value} AT TIME ZONE ${zone ? zone() : "'UTC'"})` : value;
    // Names come from the same CLDR data as on SQLite (to_char's depend on the server's locale).
    const parts = postgresFormatParts(pattern).map((part) => {
      if ('toChar' in part) return `to_char(${local}, ${bind(part.toChar)}::text)`;
      const index = part.names.startsWith('day') ? 'ISODOW' : 'MONTH';
      const names = bind(dateNames(lang)[part.names].join('|'));
      return `split_part(${names}::text, '|', EXTRACT(${index} FROM ${local})::int)`;
    });
    if (parts.length === 0) return `to_char(${local}, ${bind('')}::text)`;
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' || ')})`;
  },
  dateBucket(value, type, unit, count, bind, zone) {
    if (type === 'date') {
      if ((UNIT_MS[unit] ?? Infinity) < DAY_MS) return value;
      if (unit !== 'day' || count === 1) return `date_trunc('${unit}', ${value})::date`;
      const epoch = "DATE '1970-01-01'";
      const n = bind(count);
      return `(${epoch} + (floor((${value} - ${epoch})::double precision / ${n}) * ${n})::int)`;
    }
    if (count === 1 && unit !== 'millisecond') {
      const tz = zone ? zone() : "'UTC'";
      return `(date_trunc('${unit}', ${value} AT TIME ZONE ${tz}) AT TIME ZONE ${tz})`;
    }
    const width = bind((UNIT_MS[unit] ?? DAY_MS) * count);
    return `to_timestamp(floor(extract(epoch from ${value}) * 1000 / ${width}) * ${width} / 1000.0)`;
  },
  length: (value) => `char_length(${value})`,
  lower: (value) => `lower(${value})`,
  upper: (value) => `upper(${value})`,
  divide: (left, right) => `(${left}::double precision / NULLIF(${right}, 0))`,
  percentile: (value, fraction) =>
    `percentile_cont(${fraction}::double precision) WITHIN GROUP (ORDER BY ${value})`,
  distance: (lat1, lon1, lat2, lon2) =>
    `(12742000 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2) + ` +
    `cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2))))`,
  pointRelation: () => null,
  boxPolygon(xmin, ymin, xmax, ymax) {
    const corner = (x: string, y: string): string => `json_build_array(${x}, ${y})`;
    const ring = [
      corner(xmin, ymin),
      corner(xmax, ymin),
      corner(xmax, ymax),
      corner(xmin, ymax),
      corner(xmin, ymin),
    ];
    return (
      `CASE WHEN ${xmin} IS NULL THEN NULL ELSE json_build_object('type', 'Polygon', ` +
      `'coordinates', json_build_array(json_build_array(${ring.join(', ')}))) END`
    );
  },
  convexHull: () => null,
  // No JSON validation before PostgreSQL 16 (IS JSON): the text comes back as a JSON string.
  // PostgreSQL 15 cannot test whether text is JSON, so the fallback is never chosen; it is still
  // referenced (typed as text) so that its bound parameter has a type.
  jsonFormat: (value, fallback) =>
    fallback === null
      ? `to_jsonb(${value})`
      : `(CASE WHEN (${fallback})::text IS NULL THEN to_jsonb(${value}) ELSE to_jsonb(${value}) END)`,
  rowKey: (parts) => `concat_ws('|', ${parts.join(', ')})`,
  random: (key, seed) => (seed === null ? 'random()' : `md5(${key}::text || ${seed}::text)`),
  limitOffset(limit, offset) {
    const tail = (word: string, p: string | null): string =>
      p === null ? '' : ` ${word} ${p}::bigint`;
    return `${tail('LIMIT', limit)}${tail('OFFSET', offset)}`;
  },
};
