// Random, mostly well-typed ODSQL queries over the conformance dataset (conformance/dataset.ts),
// built from the grammar so that most of them compile and reach the engine. Every text literal
// carries MARKER, so a test can check that no literal is ever pasted into the SQL.
import fc from 'fast-check';

import type { RecordsQueryInput } from '../../../src/odsql/index.ts';

export const MARKER = 'zqv';

type Arb = fc.Arbitrary<string>;

/** A single-quoted ODSQL string holding random text (quotes, backslashes, unicode, NUL…). */
const rawText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    "'; DROP TABLE x; --",
    '" OR 1=1 --',
    'NEAR(a b)',
    '{name}: x',
    'a & b | !c:*',
    '\u0000',
    '%_',
    '\\',
  ),
);
export const textLit: Arb = rawText.map(
  (s) => `'${MARKER}${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
);
const word = fc.constantFrom('paris', 'cafe', 'éclair', 'york', 'bar', 'crêp*', 'masala', 'x');
const ftsText = fc
  .array(fc.oneof(word, rawText), { minLength: 1, maxLength: 3 })
  .map((w) => `"${MARKER} ${w.join(' ').replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
const int = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: -200, max: 200 }).map(String) },
  fc.constantFrom('9999999999999999999999', '9223372036854775807', '-9223372036854775808', '0'),
);
const dbl = fc
  .double({ min: -1000, max: 1000, noNaN: true })
  .map((x) => String(Math.round(x * 100) / 100));
const num = fc.oneof(int, dbl);
const date = fc
  .tuple(
    fc.integer({ min: 2018, max: 2022 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([y, m, d, h, precision]) => {
    const p = (v: number) => String(v).padStart(2, '0');
    const text = [
      `${y}`,
      `${y}-${p(m)}`,
      `${y}-${p(m)}-${p(d)}`,
      `${y}-${p(m)}-${p(d)}T${p(h)}:30`,
    ][precision];
    return `date'${text}'`;
  });
const point = fc
  .tuple(fc.integer({ min: -180, max: 180 }), fc.integer({ min: -85, max: 85 }))
  .map(([lon, lat]) => `geom'POINT(${lon} ${lat})'`);
const polygon = fc
  .tuple(
    fc.integer({ min: -10, max: 10 }),
    fc.integer({ min: 40, max: 50 }),
    fc.integer({ min: 1, max: 90 }),
  )
  .map(([x, y, s]) => `geom'POLYGON((${x} ${y}, ${x + s} ${y}, ${x + s} ${y + s}, ${x} ${y}))'`);
const nowCall = fc
  .tuple(
    fc.constantFrom('days', 'months', 'years', 'hours', 'weeks'),
    fc.integer({ min: -30, max: 30 }),
  )
  .map(([unit, k]) => `now(${unit}=${k})`);

const numField = fc.constantFrom('n', 'x', '`n`');
const textField = fc.constantFrom('name', 'id', 'city');
const dateField = fc.constantFrom('d', 'ts');
const geoField = fc.constantFrom('geo', 'shape');
const cmp = fc.constantFrom('=', '!=', '<>', '<', '<=', '>', '>=');

const { numExpr } = fc.letrec<{ numExpr: string }>((tie) => ({
  numExpr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numField,
    num,
    fc
      .tuple(tie('numExpr'), fc.constantFrom('+', '-', '*', '/'), tie('numExpr'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('numExpr').map((a) => `-${a}`),
    fc
      .tuple(fc.constantFrom('year', 'month', 'day', 'hour', 'minute', 'second'), dateField)
      .map(([f, d]) => `${f}(${d})`),
    textField.map((f) => `length(${f})`),
    fc.tuple(numField, num).map(([f, v]) => `ifnull(${f}, ${v})`),
    point.map((p) => `distance(geo, ${p})`),
  ),
}));
export { numExpr };

const atom: Arb = fc.oneof(
  fc.tuple(numExpr, cmp, numExpr).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(textField, cmp, textLit).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc
    .tuple(textField, fc.array(textLit, { minLength: 1, maxLength: 3 }))
    .map(([f, v]) => `${f} in (${v.join(', ')})`),
  fc
    .tuple(numField, fc.constantFrom('[', ']'), num, num, fc.constantFrom(']', '['))
    .map(([f, a, lo, hi, b]) => `${f} in ${a}${lo}..${hi}${b}`),
  fc.tuple(dateField, cmp, fc.oneof(date, nowCall)).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(dateField, date, date).map(([f, a, b]) => `${f} in [${a}..${b}]`),
  fc.constantFrom('ok', 'not ok', 'ok = false', 'ok is true', 'ok is not false'),
  fc
    .tuple(
      fc.constantFrom('n', 'name', 'tags', 'geo', 'shape', 'ts', 'd', 'ok'),
      fc.constantFrom('is null', 'is not null'),
    )
    .map(([f, t]) => `${f} ${t}`),
  ftsText,
  fc
    .tuple(
      fc.constantFrom('search', 'suggest', 'startswith'),
      fc.constantFrom('', 'name, ', 'city, ', '*, ', 'tags, '),
      ftsText,
    )
    .map(([f, a, t]) => `${f}(${a}${t})`),
  fc.tuple(textField, ftsText).map(([f, t]) => `${f} like ${t}`),
  textLit.map((v) => `tags = ${v}`),
  textLit.map((v) => `${v} in tags`),
  fc
    .tuple(
      fc.constantFrom('id', 'city', 'tags', 'n', 'ok'),
      fc.oneof(textLit, int, fc.constantFrom('true', 'false')),
    )
    .map(([f, v]) => `${f}:${v}`),
  fc
    .tuple(
      fc.constantFrom('id', 'city', 'tags'),
      fc.array(textLit, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(' OR ', ' AND ', ' AND NOT '),
      fc.boolean(),
    )
    .map(([f, vs, op, exclude]) => `${f}:${exclude ? '-' : ''}(${vs.join(op)})`),
  fc
    .tuple(point, fc.integer({ min: 1, max: 5000 }), fc.constantFrom('m', 'km', 'mi'))
    .map(([p, k, u]) => `within_distance(geo, ${p}, ${k}${u})`),
  fc
    .tuple(geoField, fc.array(fc.integer({ min: -90, max: 90 }), { minLength: 4, maxLength: 4 }))
    .map(([f, c]) => `in_bbox(${f}, ${c.join(', ')})`),
  fc
    .tuple(
      fc.constantFrom('intersects', 'disjoint', 'within', 'polygon'),
      geoField,
      fc.oneof(point, polygon),
    )
    .map(([f, g, s]) => `${f}(${g}, ${s})`),
  fc
    .tuple(geoField, polygon, fc.constantFrom('', ', INTERSECTS', ', DISJOINT', ', WITHIN'))
    .map(([g, s, m]) => `geometry(${g}, ${s}${m})`),
  fc
    .tuple(fc.constantFrom('lower', 'upper'), textField, textLit)
    .map(([f, a, v]) => `${f}(${a}) = ${v}`),
  fc
    .tuple(dateField, fc.constantFrom("'yyyy-MM'", "'HH:mm'", "'EEEE'", "'dd/MM/yyyy'"), textLit)
    .map(([f, p, v]) => `date_format(${f}, ${p}) = ${v}`),
);

const { condition } = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc
      .tuple(tie('condition'), fc.constantFrom('and', 'or', 'AND', 'OR'), tie('condition'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('condition').map((c) => `not (${c})`),
    tie('condition').map((c) => `(${c})`),
  ),
}));
export { condition };

const aggregate: Arb = fc.oneof(
  fc.constantFrom(
    'count(*)',
    'count(n)',
    'count(distinct city)',
    'sum(n)',
    'avg(x)',
    'min(d)',
    'max(ts)',
    'median(x)',
    'bbox(geo)',
    'envelope(geo)',
    'bbox(shape)',
    'min(name)',
  ),
  fc.integer({ min: 1, max: 100 }).map((p) => `percentile(n, ${p})`),
);
const group: Arb = fc.oneof(
  fc.constantFrom(
    'city',
    'ok',
    'd',
    'n',
    'tags',
    'id',
    'year(ts)',
    'month(d)',
    'hour(ts)',
    "date_format(ts, 'yyyy-MM')",
    'ifnull(n, 0)',
    'lower(name)',
  ),
  fc.integer({ min: 1, max: 100 }).map((w) => `range(n, ${w})`),
  fc.constantFrom(
    'range(n, *, 0, 50, *)',
    'range(x, 0, 1, 5)',
    'range(ts, 1 day)',
    'range(d, 1M)',
    'range(ts, 6h)',
    "range(d, *, date'2021', *)",
  ),
  fc.integer({ min: 0, max: 25 }).map((z) => `geo_cluster(geo, ${z})`),
);
const projection: Arb = fc.oneof(
  fc.constantFrom('*', 'id', 'name, geo, shape', 'tags, ts', 'include(n)', 'exclude(shape)'),
  numExpr.map((e) => `id, ${e} as v`),
  fc.constantFrom(
    "date_format(ts, 'yyyy-MM-dd HH:mm') as f",
    'lower(name) as l, upper(city) as u',
    "json_format(name, 'x') as j",
    'id, relevance() as r',
  ),
);
const sortKey: Arb = fc.oneof(
  fc.constantFrom('n', 'x', 'id', 'ts', 'd', 'ok', 'name', 'random(3)', 'relevance()'),
  numExpr,
);
const direction = fc.constantFrom('', ' asc', ' desc');

const facet = fc.oneof(
  fc
    .tuple(fc.constantFrom('city', 'tags', 'name', 'id'), rawText)
    .map(([f, v]) => `${f}:${MARKER}${v}`),
  fc.constantFrom(
    'city:France',
    'tags:bar',
    'ok:true',
    'n:10',
    'd:2021/03',
    'ts:2021/10/31/02',
    'ts:2020',
  ),
);

const zone = fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata');

/** A records query: plain records, or an aggregation with or without group_by. */
export const typedQuery: fc.Arbitrary<RecordsQueryInput> = fc.oneof(
  fc.record({
    select: projection,
    where: fc.array(condition, { maxLength: 2 }),
    orderBy: fc
      .array(
        fc.tuple(sortKey, direction).map(([k, d]) => k + d),
        { maxLength: 2 },
      )
      .map((k) => k.join(', ')),
    refine: fc.array(facet, { maxLength: 2 }),
    exclude: fc.array(facet, { maxLength: 1 }),
    limit: fc.integer({ min: 0, max: 20 }),
    offset: fc.integer({ min: 0, max: 10 }),
    timezone: zone,
  }),
  fc
    .record({
      group: fc.option(group, { nil: undefined }),
      aggregates: fc.array(aggregate, { minLength: 1, maxLength: 3 }),
      where: fc.array(condition, { maxLength: 1 }),
      sortByAggregate: fc.boolean(),
      desc: direction,
      refine: fc.array(facet, { maxLength: 1 }),
      timezone: zone,
    })
    .map((r) => {
      const aggregates = r.aggregates.map((a, i) => `${a} as a${i}`);
      const select = r.group ? ['k', ...aggregates] : aggregates;
      const orderBy = r.sortByAggregate ? `a0${r.desc}` : r.group ? `k${r.desc}` : '';
      return {
        select: select.join(', '),
        groupBy: r.group ? `${r.group} as k` : '',
        where: r.where,
        orderBy,
        refine: r.refine,
        timezone: r.timezone,
        limit: 50,
      };
    }),
);
