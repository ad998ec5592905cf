// API v1 /api/records/1.0/analyze/ on both engines, over the ODSQL conformance dataset
// (test/odsql/conformance/dataset.ts); expected series worked out by hand from its rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { makeField } from '../../../src/core/field.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES } from '../../helpers/test-portal.ts';
import { startConformancePortal } from '../../odsql/conformance/portal.ts';

const ANALYZE = '/api/records/1.0/analyze/?dataset=conformance&';

for (const engine of TEST_ENGINES)
  describe(`API v1 /api/records/1.0/analyze/ (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    async function analyze(query: string, status = 200): Promise<unknown> {
      const response = await portal.app.inject({ method: 'GET', url: `${ANALYZE}${query}` });
      assert.equal(response.statusCode, status, response.body);
      return response.json();
    }

    test('x a field: one point per value, nulls left out, x ascending', async () => {
      // ok false: b, e, h (n 20, 0, 100); true: a, c, g (n 10, null, -5); d, f: null.
      assert.deepEqual(await analyze('x=ok&y.c.func=COUNT&y.s.func=SUM&y.s.expr=n'), [
        { x: false, c: 3, s: 120 },
        { x: true, c: 3, s: 5 },
      ]);
    });

    test('expressions, AVG, SUMSQUARES and STDDEV (population)', async () => {
      const points = (await analyze(
        'x=ok&y.m.func=AVG&y.m.expr=n*2&y.q.func=sumsquares&y.q.expr=n&y.sd.func=STDDEV&y.sd.expr=n',
      )) as Record<string, number>[];
      assert.deepEqual(
        points.map((p) => [p['x'], p['m'], p['q']]),
        [
          [false, 80, 10400],
          [true, 5, 125],
        ],
      );
      const stddev = (values: number[]) => {
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      };
      assert.ok(Math.abs((points[0]?.['sd'] ?? 0) - stddev([20, 0, 100])) < 1e-9);
      assert.ok(Math.abs((points[1]?.['sd'] ?? 0) - stddev([10, -5])) < 1e-9);
    });

    test('a date x by year, cumulative', async () => {
      // d: g 2019, e 2020, a b c d h 2021.
      assert.deepEqual(await analyze('x=d&precision=year&y.c.func=COUNT'), [
        { x: { year: 2019 }, c: 1 },
        { x: { year: 2020 }, c: 1 },
        { x: { year: 2021 }, c: 5 },
      ]);
      assert.deepEqual(await analyze('x=d&precision=year&y.c.func=COUNT&y.c.cumulative=true'), [
        { x: { year: 2019 }, c: 1 },
        { x: { year: 2020 }, c: 2 },
        { x: { year: 2021 }, c: 7 },
      ]);
    });

    test('by month, sorted by a serie (descending), ties by x', async () => {
      assert.deepEqual(await analyze('x=d&periodic=year&precision=month&y.c.func=COUNT&sort=c'), [
        { x: { year: 2021, month: 3 }, c: 2 },
        { x: { year: 2021, month: 10 }, c: 2 },
        { x: { year: 2019, month: 12 }, c: 1 },
        { x: { year: 2020, month: 2 }, c: 1 },
        { x: { year: 2021, month: 11 }, c: 1 },
      ]);
    });

    test('by ISO week: 2019-12-31 is in week 1 of 2020', async () => {
      assert.deepEqual(await analyze('x=d&precision=week&y.c.func=COUNT'), [
        { x: { year: 2020, week: 1 }, c: 1 },
        { x: { year: 2020, week: 9 }, c: 1 },
        { x: { year: 2021, week: 12 }, c: 2 },
        { x: { year: 2021, week: 43 }, c: 2 },
        { x: { year: 2021, week: 44 }, c: 1 },
      ]);
    });

    test('periodic weekday counts from 0 (Monday)', async () => {
      // g Tuesday; b, e, h Saturday; a, c, d Sunday.
      assert.deepEqual(await analyze('x=d&periodic=weekday&y.c.func=COUNT'), [
        { x: { weekday: 1 }, c: 1 },
        { x: { weekday: 5 }, c: 3 },
        { x: { weekday: 6 }, c: 3 },
      ]);
    });

    test('periodic hour in the time zone, sort=x descending, maxpoints', async () => {
      // Paris hours: g 0, a 1, c 2, h 2, b 3, d 6, e 19.
      assert.deepEqual(
        await analyze('x=ts&periodic=hour&timezone=Europe/Paris&y.c.func=COUNT&sort=x&maxpoints=3'),
        [
          { x: { hour: 19 }, c: 1 },
          { x: { hour: 6 }, c: 1 },
          { x: { hour: 3 }, c: 1 },
        ],
      );
    });

    test('a multivalued x counts each value; filters (q, refine) apply', async () => {
      assert.deepEqual(await analyze('x=tags&y.c.func=COUNT&sort=-x'), [
        { x: 'Bar', c: 1 },
        { x: 'bar', c: 3 },
        { x: 'boulangerie', c: 1 },
        { x: 'crêperie', c: 1 },
        { x: 'deli', c: 1 },
        { x: 'restaurant', c: 2 },
      ]);
      // n > 15: b, d, h; ok null (d) is left out.
      assert.deepEqual(await analyze(`x=ok&y.c.func=COUNT&q=${encodeURIComponent('n>15')}`), [
        { x: false, c: 2 },
      ]);
      assert.deepEqual(await analyze('x=ok&y.c.func=COUNT&refine.tags=bar'), [{ x: true, c: 2 }]);
    });

    test('POST takes the same parameters', async () => {
      const response = await portal.app.inject({
        method: 'POST',
        url: '/api/records/1.0/analyze/',
        payload: 'dataset=conformance&x=ok&y.c.func=COUNT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), [
        { x: false, c: 3 },
        { x: true, c: 3 },
      ]);
    });

    for (const [query, pattern] of [
      ['y.c.func=COUNT', /x API parameter/],
      ['x=nope&y.c.func=COUNT', /unknown field "nope"/],
      ['x=ok&y.c.func=MEDIAN', /y\.c\.func/],
      ['x=ok&y.c.func=AVG', /y\.c\.expr/],
      ['x=ok&y.c.func=AVG&y.c.expr=n,x', /y\.c\.expr/],
      ['x=ok&y.c.expr=n', /y\.c\.func/],
      ['x=d&periodic=fortnight&y.c.func=COUNT', /periodic/],
      ['x=d&precision=second&y.c.func=COUNT', /precision/],
      ['x=ok&y.c.func=COUNT&sort=zz', /sort/],
      ['x=ok&y.c.func=COUNT&maxpoints=-1', /maxpoints/],
      ['x=geo&y.c.func=COUNT', /geo/],
      ['x=ok&y.c.func=AVG&y.c.expr=nope', /nope/],
    ] as const)
      test(`400 for ${query}`, async () => {
        const body = (await analyze(query, 400)) as { error_code: string; message: string };
        assert.match(body.message, pattern);
      });

    test("the precision is bounded by the field's timeserie_precision", async () => {
      // Monthly figures: each month's values fall on its first day.
      await portal.engine.metadata.saveDataset({ id: 'monthly', metas: emptyMetas('monthly') });
      const fields = [makeField('month', 'date', { timeserie_precision: ['month'] })];
      const writer = await portal.engine.beginVersion({
        datasetId: 'monthly',
        fields,
        source: 'm',
      });
      await writer.append([['2024-01-01'], ['2024-01-01'], ['2024-02-01'], ['2025-02-01']]);
      await writer.commit();
      const monthly = async (query: string) => {
        const url = `/api/records/1.0/analyze/?dataset=monthly&x=month&y.c.func=COUNT&${query}`;
        const response = await portal.app.inject({ url });
        assert.equal(response.statusCode, 200, response.body);
        return response.json();
      };
      const byMonth = [
        { x: { year: 2024, month: 1 }, c: 2 },
        { x: { year: 2024, month: 2 }, c: 1 },
        { x: { year: 2025, month: 2 }, c: 1 },
      ];
      assert.deepEqual(await monthly(''), byMonth, 'the default (day) is bounded too');
      for (const finer of ['day', 'week', 'hour']) {
        assert.deepEqual(await monthly(`precision=${finer}`), byMonth, finer);
      }
      assert.deepEqual(await monthly('precision=year'), [
        { x: { year: 2024 }, c: 3 },
        { x: { year: 2025 }, c: 1 },
      ]);
    });

    test('dataset is required; an unknown one is a 404', async () => {
      const missing = await portal.app.inject({ url: '/api/records/1.0/analyze/?x=ok' });
      assert.equal(missing.statusCode, 400);
      const unknown = await portal.app.inject({ url: '/api/records/1.0/analyze/?dataset=zz&x=ok' });
      assert.equal(unknown.statusCode, 404);
    });
  });
