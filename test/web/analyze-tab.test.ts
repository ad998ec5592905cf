// The analyze tab: the chart's values against the demo CSV read by the tests' own parser.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const ANALYZE = '/explore/dataset/export_alimconfiance/analyze/';

function countBy(key: (row: Record<string, string>) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of demoRows()) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

function tableValues(page: Awaited<ReturnType<typeof getPage>>): Map<string, string[]> {
  return new Map(
    page.dom
      .querySelectorAll('#chart-values tbody tr')
      .map((tr) => [
        tr.querySelector('th')!.text.trim(),
        tr.querySelectorAll('td').map((td) => td.text.replace(/\s/g, '')),
      ]),
  );
}

for (const engine of TEST_ENGINES)
  describe(`dataset analyze tab (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
    });
    after(async () => portal.close());

    test('columns of counts by a text field: the values table matches the data', async () => {
      const page = await getPage(portal, `${ANALYZE}?type=column&x=synthese_eval_sanit`);
      assert.equal(page.status, 200);
      assert.ok(page.dom.querySelector('svg#chart[role=img] title'));
      assert.equal(page.dom.querySelectorAll('svg#chart rect').length, 4);
      const expected = countBy((r) => r['Synthese_eval_sanit'] ?? '');
      const values = tableValues(page);
      for (const [value, count] of expected)
        assert.deepEqual(values.get(value), [String(count)], value);
    });

    test('a line by month in the dataset’s time zone, split by series', async () => {
      const page = await getPage(
        portal,
        `${ANALYZE}?type=line&x=date_inspection&granularity=month&series=synthese_eval_sanit`,
      );
      const months = countBy((r) => {
        const instant = new Date(r['Date_inspection'] ?? '');
        return new Intl.DateTimeFormat('en-CA', {
          timeZone: 'Europe/Paris',
          year: 'numeric',
          month: '2-digit',
        }).format(instant);
      });
      const header = texts(page.dom, '#chart-values thead th').slice(1);
      const values = tableValues(page);
      for (const [month, count] of months) {
        const row = values.get(month);
        assert.ok(row, `month ${month}`);
        const total = row.reduce((n, v) => n + (v === '' ? 0 : Number(v)), 0);
        assert.equal(total, count, month);
      }
      assert.equal(header.length, 4);
      assert.equal(page.dom.querySelectorAll('svg#chart path').length, 4);
    });

    test('a pie keeps the largest slices and says what it left out', async () => {
      const page = await getPage(portal, `${ANALYZE}?type=pie&x=libelle_commune`);
      assert.equal(page.dom.querySelectorAll('svg#chart path').length, 8);
      assert.ok(page.html.includes('valeur(s)'));
    });

    test('the form is prefilled from the URL and keeps the table filters; bad values fall back', async () => {
      const page = await getPage(
        portal,
        `${ANALYZE}?type=bar&x=synthese_eval_sanit&refine.filtre=Restaurant`,
      );
      assert.equal(
        page.dom.querySelector('#chart-type option[selected]')?.getAttribute('value'),
        'bar',
      );
      assert.equal(
        page.dom.querySelector('#chart-form input[name="refine.filtre"]')?.getAttribute('value'),
        'Restaurant',
      );
      for (const query of [
        'type=radar',
        'x=nope',
        'y=median&yfield=siret',
        'granularity=week',
        'series=%00',
      ]) {
        assert.equal((await getPage(portal, `${ANALYZE}?${query}`)).status, 200, query);
      }
      const bad = await getPage(portal, `${ANALYZE}?q=${encodeURIComponent('date_inspection>"x')}`);
      assert.equal(bad.status, 400);
      assert.ok(bad.dom.querySelector('.fr-alert--error'));
    });

    test('the API link gives the same values', async () => {
      const page = await getPage(portal, `${ANALYZE}?type=column&x=synthese_eval_sanit`);
      const link = new URL(
        page.dom
          .querySelectorAll('a')
          .find((a) => a.text.includes('Les mêmes valeurs'))!
          .getAttribute('href')!,
      );
      const answer = await portal.app.inject({ url: `${link.pathname}${link.search}` });
      assert.equal(answer.statusCode, 200);
      const results = answer.json().results as { x: string; y: number }[];
      const values = tableValues(page);
      for (const { x, y } of results) assert.deepEqual(values.get(x), [String(y)]);
    });
  });
