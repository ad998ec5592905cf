// Random and mutated API v1 `q` queries over the conformance dataset, built from the v1 grammar
// (words, phrases, field queries and their sub-forms, comparisons, #functions, AND/OR/NOT) so
// that most of them translate and reach the engine. Text carries MARKER, like typed.ts.
import fc from 'fast-check';

import type { RecordsQueryInput, TableSchema } from '../../../src/odsql/index.ts';
import { translateV1Query } from '../../../src/odsql/index.ts';
import { edit, editText } from './mutate.ts';
import { MARKER } from './typed.ts';

type Arb = fc.Arbitrary<string>;

const rawText = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom("'; DROP TABLE x; --", '" OR 1=1 --', 'a & b | !c:*', '{name}: x', '\\', '%_'),
);
const phrase: Arb = rawText.map(
  (s) => `"${MARKER}${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
);
const word: Arb = fc.oneof(
  fc.constantFrom('paris', 'cafe', 'éclair', 'york', 'bar', 'crêp*', 'restaurants', 'du', 'x*'),
  fc.stringMatching(/^[a-zé0-9_%*.-]{1,8}$/).map((w) => `${MARKER}${w}`),
);
const keyword = fc.constantFrom('AND', 'OR', 'NOT', 'TO', '-', '*', '#', ':', '(', ')', '[', ']');
const field = fc.constantFrom(
  'id',
  'name',
  'city',
  'tags',
  'n',
  'x',
  'ok',
  'd',
  'ts',
  'geo',
  'shape',
  'Name',
  'nope',
);
const number = fc.oneof(
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.constantFrom('2.5', '-1', '9999999999999999999999', '1e999'),
);
const date = fc.constantFrom('2021', '2021/03', '2021/3/28', '2021-10-31', '2021-03-28T01:30:00Z');
const now = fc
  .tuple(
    fc.constantFrom('days', 'months', 'years', 'day', 'weekday'),
    fc.integer({ min: -9, max: 9 }),
  )
  .map(([unit, k]) => `#now(${unit}=${k})`);
const value: Arb = fc.oneof(word, phrase, number, date, fc.constantFrom('true', 'false'), now);

const { term } = fc.letrec<{ term: string }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value,
    value.map((v) => `-${v}`),
    fc.tuple(value, value).map(([a, b]) => `[${a} TO ${b}]`),
    fc
      .tuple(tie('term'), fc.constantFrom(' OR ', ' AND ', ' ', ' AND NOT '), tie('term'))
      .map(([a, op, b]) => `(${a}${op}${b})`),
    tie('term').map((t) => `-(${t})`),
  ),
}));

const atom: Arb = fc.oneof(
  word,
  phrase,
  fc.tuple(field, term).map(([f, t]) => `${f}:${t}`),
  fc
    .tuple(field, fc.constantFrom('==', '=', '!=', '>', '>=', '<', '<='), value)
    .map(([f, op, v]) => `${f}${op}${v}`),
  fc
    .tuple(fc.constantFrom('null', 'exact', 'startswith', 'search'), field, phrase)
    .map(([fn, f, v]) => (fn === 'null' ? `#null(${f})` : `#${fn}(${f}, ${v})`)),
  phrase.map((v) => `#search(*, ${v})`),
  fc
    .tuple(fc.integer({ min: -90, max: 90 }), fc.integer({ min: -180, max: 180 }), number)
    .map(([lat, lon, m]) => `#distance(geo, "${lat}, ${lon}", ${m})`),
  fc.constantFrom(
    '#polygon(geo, "(48,2),(49,2),(49,3)")',
    '#polygon(shape, "(40,-75),(41,-75),(41,-73)")',
    '#geometry(geo, "polygon")',
    '#nope(x)',
  ),
);

const { query } = fc.letrec<{ query: string }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc
      .tuple(tie('query'), fc.constantFrom(' AND ', ' OR ', ' '), tie('query'))
      .map(([a, op, b]) => `${a}${op}${b}`),
    tie('query').map((q) => `NOT ${q}`),
    tie('query').map((q) => `(${q})`),
  ),
}));

/** Grammar-built queries, a quarter of them edited, and some raw soup of v1 pieces. */
const qText: Arb = fc.oneof(
  { weight: 6, arbitrary: query },
  { weight: 2, arbitrary: fc.tuple(query, edit).map(([q, e]) => editText(q, e)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(word, phrase, keyword, field, value), { maxLength: 8 })
      .map((parts) => parts.join(' ')),
  },
);

export interface V1Input {
  q: string;
  relevance: boolean;
}

export const v1Inputs: fc.Arbitrary<V1Input> = fc.record({ q: qText, relevance: fc.boolean() });

/** The records query of a v1 input: its translation as the where clause. */
export function v1Query(input: V1Input, schema: TableSchema): RecordsQueryInput {
  const where = translateV1Query(input.q, schema.fields);
  return {
    where: where === '' ? [] : [where],
    limit: 20,
    ...(input.relevance ? { select: 'id, relevance() as r', orderBy: 'relevance()' } : {}),
  };
}
