// Malformed or invalid inputs of each clause and REST parameter, with the error ODS answers:
// for ODSQL clauses, the clause and the 0-based position the message must name (worked out by
// hand from the text); for REST parameters, the parameter the message must name.
import type { Params } from './portal.ts';

export interface InvalidCase {
  q: Params;
  /** ODSQL clause named by the message, with the position; absent for REST parameters. */
  clause?: string;
  position?: number;
  /** REST parameter named by the message. */
  parameter?: string;
}

const odsql = (clause: string, text: string, position: number): InvalidCase => ({
  q: { [clause]: text },
  clause,
  position,
});

const rest = (parameter: string, value: string): InvalidCase => ({
  q: { [parameter]: value },
  parameter,
});

export const INVALID_CASES: InvalidCase[] = [
  odsql('where', 'n = ', 4),
  odsql('where', 'n = = 1', 4),
  odsql('where', '(n = 1', 6),
  odsql('where', 'n = 1)', 5),
  odsql('where', 'unknown_field = 1', 0),
  odsql('where', "n = 'abc", 4),
  odsql('where', 'n in (1,', 8),
  odsql('where', 'n in [1..', 9),
  odsql('where', 'name > n', 7),
  odsql('where', 'count(*) > 1', 0),
  odsql('where', 'n like 5', 7),
  odsql('where', 'nosuchfn(n)', 0),
  odsql('where', 'n in (5 + 5)', 6),
  odsql('where', "date'2019-13' = d", 0),
  odsql('where', "intersects(geo, geom'NOTWKT')", 16),
  odsql('where', '`unterminated', 0),
  odsql('where', 'n = 1 and', 9),
  odsql('where', "within_distance(geo, geom'POINT(2 48)')", 0),
  odsql('where', 'in_bbox(geo, 1, 2, 3)', 0),
  odsql('where', 'year(name) = 1', 5),
  odsql('where', 'search(n, "x")', 7),
  odsql('where', 'n = 1 ; DROP TABLE x', 6),
  odsql('where', 'n @ 1', 2),
  odsql('where', 'ts > now(eons=1)', 9),
  odsql('where', 'ts > now(years=99999)', 5),
  odsql('where', "within_distance(geo, geom'POINT(1e999 0)', 1m)", 21),
  odsql('where', "name = '\u0000'", 8),
  odsql('select', 'n,', 2),
  odsql('select', 'count(', 6),
  odsql('select', 'nosuch', 0),
  odsql('select', 'n as', 4),
  odsql('select', 'sum(name)', 4),
  odsql('select', 'n, count(*)', 0),
  odsql('select', 'percentile(n, 150)', 14),
  odsql('select', "search(name, 'x')", 0),
  odsql('select', 'date_format(ts, 5)', 16),
  odsql('select', 'l * 2 as l', 0),
  odsql('order_by', 'v', 0),
  odsql('group_by', 'geo', 0),
  odsql('group_by', 'relevance()', 0),
  odsql('where', 'relevance() > 0', 0),
  odsql('where', "n > 1 and 'a' <= tags", 17),
  odsql('where', "tags in ['a'..'b']", 0),
  odsql('select', 'relevance(n)', 0),
  odsql('group_by', 'count(*)', 0),
  odsql('group_by', 'range(n)', 0),
  odsql('group_by', 'n as', 4),
  odsql('group_by', 'nosuch', 0),
  odsql('group_by', 'geo_cluster(geo, 99)', 17),
  odsql('order_by', 'n sideways', 2),
  odsql('order_by', 'geo', 0),
  odsql('order_by', 'nosuch', 0),
  odsql('order_by', 'n,', 2),
  odsql('order_by', 'random(', 7),
  odsql('order_by', 'n, count(*)', 3),
  odsql('refine', 'nosuch:1', 0),
  odsql('refine', 'n:abc', 2),
  odsql('refine', 'd:2019/13', 2),
  odsql('refine', 'novalue', 0),
  odsql('refine', 'ts:yesterday', 3),
  odsql('refine', 'n:', 2),
  odsql('exclude', 'ok:maybe', 3),
  odsql('exclude', 'geo:1', 4),
  odsql('exclude', 'nosuch:x', 0),
  rest('limit', 'abc'),
  rest('limit', '-5'),
  rest('limit', '101'),
  rest('limit', '1.5'),
  rest('offset', '-1'),
  rest('offset', 'x'),
  rest('offset', '9995'),
  rest('timezone', 'Mars/Olympus_Mons'),
  rest('timezone', "UTC'; --"),
  rest('lang', 'ja'),
  rest('lang', 'fr-FR'),
];
