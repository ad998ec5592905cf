// SQLite overrides. Time-zone date parts, date_format, Unicode case mapping, distances and
// percentiles use the JavaScript functions of sqlite-functions.ts.

import type { Dialect } from './dialect.ts';
import { fts5Query } from './fts-query.ts';

const STRFTIME = { year: '%Y', month: '%m', day: '%d', hour: '%H', minute: '%M', second: '%S' };

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  placeholder: () => '?',
  reuseParams: false,
  booleanValue: (value) => (value ? 1 : 0),
  datetimeValue: (ms) => ms,
  datetimeParam: (p) => p,
  dateParam: (p) => p,
  numberParam: (p) => p,
  textParam: (p) => p,
  booleanParam: (p) => p,
  membership: (column, value) =>
    `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${value})`,
  // json_each cannot be DISTINCT inside a join: later duplicates of a value are skipped.
  unnestJoin: (list, alias) =>
    `LEFT JOIN json_each(${list}) AS ${alias} ON NOT EXISTS (SELECT 1 FROM json_each(${list}) ` +
    `AS "$dup" WHERE "$dup".value = ${alias}.value AND "$dup".key < ${alias}.key)`,
  startsWith: (column, prefix, multivalued) =>
    multivalued
      ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE instr(value, ${prefix}) = 1)`
      : `instr(${column}, ${prefix}) = 1`,
  fullText(target, bind) {
    const fts = `"${target.table}_fts"`;
    const columns = target.fields ? target.fields.map((f) => f.name) : null;
    const query = bind(fts5Query(target.terms, columns));
    return `"_rowid" IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${query})`;
  },
  // bm25() is negative, lower for better matches; the row is the outer query's record.
  relevance(target, bind) {
    const fts = `"${target.table}_fts"`;
    const columns = target.fields ? target.fields.map((f) => f.name) : null;
    const query = bind(fts5Query(target.terms, columns));
    const row = `"${target.table}"."_rowid"`;
    return `coalesce((SELECT -bm25(${fts}) FROM ${fts} WHERE ${fts} MATCH ${query} AND rowid = ${row}), 0)`;
  },
  datePart(value, type, part, zone) {
    if (type === 'datetime' && zone !== null) return `dg_datepart(${value}, ${zone}, '${part}')`;
    const source = type === 'datetime' ? `${value} / 1000.0, 'unixepoch'` : value;
    return `CAST(strftime('${STRFTIME[part]}', ${source}) AS INTEGER)`;
  },
  dateFormat: (value, type, pattern, lang, bind, zone) =>
    `dg_date_format(${value}, '${type}', ${bind(pattern)}, ${zone ? zone() : "'UTC'"}, ${bind(lang)})`,
  dateBucket: (value, type, unit, count, bind, zone) =>
    `dg_date_bucket(${value}, '${type}', '${unit}', ${bind(count)}, ${zone ? zone() : "'UTC'"})`,
  length: (value) => `length(${value})`,
  lower: (value) => `dg_lower(${value})`,
  upper: (value) => `dg_upper(${value})`,
  divide: (left, right) => `(CAST(${left} AS REAL) / ${right})`,
  percentile: (value, fraction) => `dg_percentile(json_group_array(${value}), ${fraction})`,
  distance: (lat1, lon1, lat2, lon2) => `dg_distance(${lat1}, ${lon1}, ${lat2}, ${lon2})`,
  pointRelation: (lat, lon, relation, bind) =>
    `dg_point_in(${lat}, ${lon}, ${bind()}) = ${relation === 'disjoint' ? 0 : 1}`,
  boxPolygon: (xmin, ymin, xmax, ymax) => `dg_box_geojson(${xmin}, ${ymin}, ${xmax}, ${ymax})`,
  convexHull: (lat, lon) => `dg_convex_hull(json_group_array(json_array(${lon}, ${lat})))`,
  jsonFormat: (value, fallback) =>
    fallback === null ? `dg_json_format(${value})` : `dg_json_format(${value}, ${fallback})`,
  rowKey: (parts) => `json_array(${parts.join(', ')})`,
  random: (key, seed) => (seed === null ? 'random()' : `dg_random(${key}, ${seed})`),
  limitOffset(limit, offset) {
    if (limit === null && offset === null) return '';
    return ` LIMIT ${limit ?? '-1'}${offset === null ? '' : ` OFFSET ${offset}`}`;
  },
};
