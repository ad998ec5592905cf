// The dialect contract: the few places where SQLite and PostgreSQL SQL differ. Everything else
// is generic (compiler.ts). Methods receive SQL fragments and placeholders, and return SQL.
// SQLite placeholders are positional: parameters must be added in the order of the SQL text.

import type { IntervalUnit } from '../intervals.ts';
import type { FtsLanguage } from './fts-language.ts';
import type { FtsTerm } from './fts-query.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatePart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export type TemporalType = 'date' | 'datetime';

export type GeoRelation = 'intersects' | 'within' | 'disjoint';

export interface FullTextTarget {
  table: string;
  /** Text fields to search, null for every field; `multivalued` ones hold lists. */
  fields: { name: string; multivalued: boolean }[] | null;
  terms: FtsTerm[];
  /** The dataset's language (PostgreSQL stems words in it). */
  language: FtsLanguage;
}

export interface Dialect {
  name: DialectName;
  placeholder(index: number): string;
  reuseParams: boolean;
  /** A boolean as the driver binds it. */
  booleanValue(value: boolean): unknown;
  /** A datetime value (epoch ms) as the driver binds it. */
  datetimeValue(ms: number): unknown;
  /** Wraps a placeholder holding a datetime value / a `YYYY-MM-DD` text / a number. */
  datetimeParam(placeholder: string): string;
  dateParam(placeholder: string): string;
  numberParam(placeholder: string, integer: boolean): string;
  textParam(placeholder: string): string;
  booleanParam(placeholder: string): string;
  /** `value` is an element of the list column `column`. */
  membership(column: string, value: string): string;
  /**
   * A LEFT JOIN of the distinct values of the list column `list` as `alias`, one row per
   * value (one row with a null value for an empty or null list), in a column named `value`.
   */
  unnestJoin(list: string, alias: string): string;
  /** `column` starts with the text in `prefix` (case-sensitive). */
  startsWith(column: string, prefix: string, multivalued: boolean): string;
  /** Full-text match; `bind` adds the query text as a parameter. */
  fullText(target: FullTextTarget, bind: (value: unknown) => string): string;
  /** How well a record matches `target` (higher is better; 0 when it does not match). */
  relevance(target: FullTextTarget, bind: (value: unknown) => string): string;
  /** A date part as an integer; `zone` is a placeholder for the time zone, null for UTC. */
  datePart(value: string, type: TemporalType, part: DatePart, zone: string | null): string;
  /**
   * date_format() of a value with an ODSQL (Joda-like) pattern, month and day names in `lang`.
   * `bind` and `zone` add parameters: call them in the order the SQL text uses them.
   */
  dateFormat(
    value: string,
    type: TemporalType,
    pattern: string,
    lang: string,
    bind: (value: unknown) => string,
    zone: (() => string) | null,
  ): string;
  /**
   * The start of the range() bucket of `count` `unit`s holding a date or datetime value.
   * `bind` and `zone` add parameters: call them in the order the SQL text uses them.
   */
  dateBucket(
    value: string,
    type: TemporalType,
    unit: IntervalUnit,
    count: number,
    bind: (value: unknown) => string,
    zone: (() => string) | null,
  ): string;
  length(value: string): string;
  lower(value: string): string;
  upper(value: string): string;
  divide(left: string, right: string): string;
  percentile(value: string, fraction: string): string;
  /** Great-circle distance in metres between two points given as SQL (degrees). */
  distance(lat1: string, lon1: string, lat2: string, lon2: string): string;
  /** A geo_point against a GeoJSON geometry (`bind` binds it as text), or null if unsupported. */
  pointRelation(lat: string, lon: string, relation: GeoRelation, bind: () => string): string | null;
  /** One value identifying a result row from several SQL expressions (group keys). */
  rowKey(parts: string[]): string;
  /** A GeoJSON polygon (as the driver returns JSON) from bounding-box SQL; null when empty. */
  boxPolygon(xmin: string, ymin: string, xmax: string, ymax: string): string;
  /** The convex hull of the points of a group as GeoJSON, or null to fall back to the box. */
  convexHull(lat: string, lon: string): string | null;
  /** json_format(): the text as a JSON value, else the fallback (`fallback` SQL or null). */
  jsonFormat(value: string, fallback: string | null): string;
  /** Pseudo-random ordering of rows identified by `key`, stable for a given seed placeholder. */
  random(key: string, seed: string | null): string;
  /** The LIMIT/OFFSET tail; placeholders or null. */
  limitOffset(limit: string | null, offset: string | null): string;
}
