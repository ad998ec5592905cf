// Random ODSQL-like clauses for property tests: pieces of the language glued in random order.
import fc from 'fast-check';

/** Keywords, operators, literals and function openings (field names come from the caller). */
const LANGUAGE_PIECES = [
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'like',
  'as',
  'desc',
  'true',
  '=',
  '!=',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  ',',
  '[',
  ']',
  '..',
  ':',
  '1',
  '2.5',
  '10km',
  "'a'",
  '"b c"',
  "date'2019'",
  "date'2019-03-22T10:00Z'",
  "geom'POINT(1 2)'",
  "geom'POLYGON((0 0, 1 0, 1 1, 0 0))'",
  'count(',
  'sum(',
  'year(',
  'now(',
  'days=-1',
  'search(',
  'distance(',
  'within_distance(',
  'in_bbox(',
  'range(',
  'random(',
  'date_format(',
  "'yyyy'",
  'ifnull(',
  'percentile(',
  'distinct',
  'intersects(',
  'median(',
  "'Star'",
  '"big tree"',
  "geom'POINT(2.35 48.85)'",
  "geom'POLYGON((2 48, 3 48, 3 49, 2 48))'",
  'avg(',
  'hour(',
  'suggest(',
  'startswith(',
  "'yyyy-MM'",
  'lower(',
  'length(',
  'bbox(',
  'relevance()',
];

/** Random clause text mixing the language's pieces with the given field names. */
export function soupOf(fieldNames: string[], maxLength = 10): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...fieldNames, ...LANGUAGE_PIECES), { maxLength })
    .map((parts) => parts.join(' '));
}

export const soup = soupOf([
  'name',
  'city',
  'tags',
  'population',
  'score',
  'open',
  'day',
  'at',
  'geo',
  '`score`',
]);

/** Well-formed-ish clauses, more likely to compile than the raw soup. */
export const clauses = fc.record({
  select: fc.oneof(
    fc.constant('*'),
    fc.constantFrom(
      'name, population',
      'count(*) as n',
      'city, count(*)',
      'year(at) as y, avg(score)',
    ),
    soup,
  ),
  where: fc.array(
    fc.oneof(
      fc.constantFrom(
        "population > 10 and not name = 'x'",
        '"star"',
        "tags = 'Restaurant'",
        "at >= date'2019-06'",
        "day in [date'2019'..date'2020'[",
        "within_distance(geo, geom'POINT(2.35 48.85)', 2km)",
        "search(name, 'sta')",
        'open or score < 3',
      ),
      soup,
    ),
    { maxLength: 3 },
  ),
  groupBy: fc.oneof(
    fc.constantFrom('', 'city', 'year(at) as y', 'range(population, 20)', 'day'),
    soup,
  ),
  orderBy: fc.oneof(
    fc.constantFrom('', 'n desc', 'count(*)', '-population', 'random(1)', 'y'),
    soup,
  ),
  timezone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
});
