// The table tab, against the demo dataset read by the tests' own CSV parser.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const TABLE = '/explore/dataset/export_alimconfiance/table/';
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');

for (const engine of TEST_ENGINES)
  describe(`dataset table tab (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
    });
    after(async () => portal.close());

    test('the first page: every field as a column, 20 rows, the record count', async () => {
      const page = await getPage(portal, TABLE);
      assert.equal(page.status, 200);
      const headers = texts(page.dom, '#records-table thead th').slice(1);
      assert.equal(headers.length, 13);
      assert.ok(headers.some((h) => h.startsWith('APP_Libelle_etablissement')));
      assert.equal(page.dom.querySelectorAll('#records-table tbody tr').length, 20);
      assert.equal(texts(page.dom, '[role=status]')[0], `${fr(demoRows().length)} enregistrements`);
      assert.ok(page.dom.querySelector('.dg-tabs a[aria-current=page]')?.text.includes('Tableau'));
    });

    test('a refine narrows the rows to the value, and its facet link removes it', async () => {
      const expected = demoRows().filter((r) => r['Synthese_eval_sanit'] === 'A améliorer').length;
      const url = `${TABLE}?refine.synthese_eval_sanit=${encodeURIComponent('A améliorer')}`;
      const page = await getPage(portal, url);
      assert.equal(texts(page.dom, '[role=status]')[0], `${fr(expected)} enregistrements`);
      const column = texts(page.dom, '#records-table thead th').findIndex((h) =>
        h.startsWith('Synthese_eval_sanit'),
      );
      const cells = page.dom
        .querySelectorAll('#records-table tbody tr')
        .map((tr) => tr.querySelectorAll('td')[column]?.text);
      assert.ok(
        cells.every((c) => c === 'A améliorer'),
        cells.join('|'),
      );
      const refined = page.dom.querySelector(
        '#facet-synthese_eval_sanit + ul a[aria-current=true]',
      );
      assert.equal(refined?.getAttribute('href'), TABLE);
    });

    test('the search box uses the v1 query language', async () => {
      const expected = demoRows().filter((r) => r['Code_postal'] === '75009').length;
      const page = await getPage(portal, `${TABLE}?q=code_postal%3A75009`);
      assert.equal(
        texts(page.dom, '[role=status]')[0],
        `${fr(expected)} enregistrement${expected > 1 ? 's' : ''}`,
      );
      assert.equal(
        page.dom.querySelector('#table-search-input')?.getAttribute('value'),
        'code_postal:75009',
      );
    });

    test('an invalid search is a 400 with the reason in an alert, not an error page', async () => {
      const page = await getPage(portal, `${TABLE}?q=${encodeURIComponent('date_inspection>"x')}`);
      assert.equal(page.status, 400);
      assert.ok(page.dom.querySelector('.fr-alert--error [class=fr-alert__title]'));
      assert.ok(page.dom.querySelector('h1'), 'the page keeps its layout');
    });

    test('sorting by a date column cycles descending, ascending, none (aria-sort follows)', async () => {
      const expectedFirst = demoRows()
        .map((r) => r['Date_inspection'] ?? '')
        .sort()
        .reverse()[0]!
        .slice(0, 10);
      const page = await getPage(portal, `${TABLE}?sort=date_inspection&fields=date_inspection`);
      const th = page.dom.querySelector('th[aria-sort]');
      assert.equal(th?.getAttribute('aria-sort'), 'descending');
      assert.equal(
        th?.querySelector('a')?.getAttribute('href'),
        `${TABLE}?sort=-date_inspection&fields=date_inspection`,
      );
      const first = texts(page.dom, '#records-table tbody td')[1];
      const expectedText = new Intl.DateTimeFormat('fr-FR', {
        dateStyle: 'long',
        timeZone: 'Europe/Paris',
      }).format(new Date(expectedFirst + 'T12:00:00Z'));
      assert.ok(first?.startsWith(expectedText), `${first} starts with ${expectedText}`);
      const ascending = await getPage(
        portal,
        `${TABLE}?sort=-date_inspection&fields=date_inspection`,
      );
      assert.equal(
        ascending.dom.querySelector('th[aria-sort]')?.getAttribute('aria-sort'),
        'ascending',
      );
    });

    test('choosing columns keeps only those, in schema order', async () => {
      const page = await getPage(
        portal,
        `${TABLE}?fields=code_postal&fields=app_libelle_etablissement`,
      );
      assert.deepEqual(
        texts(page.dom, '#records-table thead th')
          .slice(1)
          .map((h) => h.replace(/ \(.*$/, '').replace(/ [↕↓↑]$/, '')),
        ['APP_Libelle_etablissement', 'Code_postal'],
      );
      assert.equal(page.dom.querySelectorAll('input[name=fields][checked]').length, 2);
    });

    test('paging: page 2 links back and keeps the filters', async () => {
      const page = await getPage(portal, `${TABLE}?q=pizza&page=2`);
      assert.equal(
        page.dom.querySelector('.fr-pagination__link--prev')?.getAttribute('href'),
        `${TABLE}?q=pizza`,
      );
      assert.equal(page.dom.querySelector('.fr-pagination__link[aria-current=page]')?.text, '2');
    });

    test('a record opens in a detail view from its row; an unknown one says so', async () => {
      const list = await getPage(portal, `${TABLE}?q=code_postal%3A75009`);
      const link = list.dom.querySelector('#records-table tbody a')!.getAttribute('href')!;
      assert.match(link, /[?&]record=[0-9a-f]{40}#record$/);
      const detail = await getPage(portal, link.replace('#record', ''));
      assert.ok(detail.dom.querySelector('#record'));
      assert.ok(texts(detail.dom, '#record dd').includes('75009'));
      const missing = await getPage(portal, `${TABLE}?record=${'0'.repeat(40)}`);
      assert.equal(missing.status, 200);
      assert.ok(missing.dom.querySelector('.fr-alert--warning'));
    });

    test('unknown fields and wild values in the URL are ignored, never a 500', async () => {
      for (const query of [
        'refine.nope=x',
        'sort=nope',
        'page=abc',
        'fields=%00',
        'record=%27%3B--',
        'q=%00',
      ]) {
        const page = await getPage(portal, `${TABLE}?${query}`);
        assert.ok(page.status === 200 || page.status === 400, `${query}: ${page.status}`);
      }
    });
  });
