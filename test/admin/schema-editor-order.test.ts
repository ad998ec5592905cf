// The schema editor's units, precisions of dates and order of fields over real HTTP (inject), on
// both engines: a unit and a precision saved in place, shown by the API as ODS annotations and by
// the site (table and information tabs, the analyze tab's time step), refused when wrong; move
// buttons that change the form's order without saving, what was typed kept; a saved order followed
// by the API, the site's table and the CSV export, written to the activity log; a re-import that
// keeps the order and the unit, with record ids the same from one import to the next.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { importFile } from '../../src/ingest/import-file.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { encodeForm, formOf } from '../helpers/schema-form.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/datasets/releves/schema/';
const API = '/api/explore/v2.1/catalog/datasets/releves';
const SITE = '/explore/dataset/releves';

const CSV = [
  'code;ville;mesure;jour',
  '007;Lyon;12.5;2024-01-05',
  '010;Lyon;7.25;2024-02-10',
  '123;Paris;5;2024-03-01',
  '',
].join('\n');

const FIELDS = ['code', 'ville', 'mesure', 'jour'];
const MOVED = ['code', 'mesure', 'ville', 'jour'];

for (const engine of TEST_ENGINES) {
  describe(`the schema editor's units and order (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let csvPath = '';

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin } = await staffSessions(portal));
      csvPath = join(portal.home, 'releves.csv');
      writeFileSync(csvPath, CSV);
      await importFile(portal.engine, { datasetId: 'releves', path: csvPath, title: 'Relevés' });
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(fields: Record<string, string | string[]>) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url: PAGE,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${admin}; ${csrf.cookie}`,
        },
        payload: encodeForm(fields, csrf.token),
      });
    }

    /** The current form with `changes` applied (names without the `f.` prefix). */
    async function edited(changes: Record<string, string | string[]>) {
      const form = formOf((await get(PAGE, admin)).body);
      for (const [name, value] of Object.entries(changes)) form[`f.${name}`] = value;
      return form;
    }

    const dataset = async () => (await get(API)).json();
    const names = async () => (await dataset()).fields.map((f: { name: string }) => f.name);
    const annotations = async (name: string) =>
      (await dataset()).fields.find((f: { name: string }) => f.name === name).annotations;
    const site = async (tab: string) => parse((await get(`${SITE}/${tab}/`)).body);
    const currentVersion = async () =>
      (await portal.engine.metadata.getDataset('releves'))!.current!.id;

    test('a unit, decimals and a precision of dates: saved, shown on the site, refused when wrong', async () => {
      const version = await currentVersion();
      const saved = await post(
        await edited({
          'mesure.unit': ' °C ',
          'mesure.decimals': ' 2 ',
          'jour.timeserie_precision': 'month',
        }),
      );
      assert.equal(saved.headers.location, `${PAGE}?done=saved`);
      assert.equal(await currentVersion(), version, 'in place');
      assert.deepEqual(await annotations('mesure'), { unit: ['°C'], decimals: ['2'] });
      assert.deepEqual(await annotations('jour'), { timeserie_precision: ['month'] });
      const form = formOf((await get(PAGE, admin)).body);
      assert.equal(form['f.mesure.unit'], '°C');
      assert.equal(form['f.mesure.decimals'], '2');
      assert.equal(form['f.jour.timeserie_precision'], 'month');
      assert.equal('f.mesure.timeserie_precision' in form, false, 'offered on dates only');
      assert.equal('f.code.decimals' in form, false, 'offered on decimal numbers only');
      // The site shows two decimals; the API and the exports the stored value.
      const cells = (await site('table')).querySelectorAll('#records-table tbody tr td');
      assert.ok(cells.some((td) => td.text.trim() === '7.25'));
      assert.ok(cells.some((td) => td.text.trim() === '12.50'));

      const headers = (await site('table')).querySelectorAll('#records-table thead th');
      assert.deepEqual(
        headers.slice(1).map((th) => th.text.trim().split(' (')[0]),
        ['code', 'ville', 'mesure', 'jour'],
      );
      assert.match(headers[3]!.text, /^mesure \(°C\)/);
      const rows = (await site('information')).querySelectorAll('#fields-table tbody th');
      assert.deepEqual(
        rows.map((th) => th.text.trim()),
        ['code', 'ville', 'mesure (°C)', 'jour'],
      );
      // The analyze tab charts the dates by month, and offers no finer step.
      const analyze = await site('analyze');
      const steps = analyze.querySelectorAll('#chart-granularity option');
      assert.deepEqual(
        steps.map((o) => o.getAttribute('value')),
        ['year', 'month'],
      );
      const chosen = analyze.querySelector('#chart-granularity option[selected]');
      assert.equal(chosen?.getAttribute('value'), 'month');

      const refused = await post(
        await edited({
          'code.unit': 'x'.repeat(21),
          'mesure.decimals': '12',
          'mesure.timeserie_precision': 'day',
          'jour.timeserie_precision': 'fortnight',
        }),
      );
      assert.equal(refused.statusCode, 400);
      const html = parse(refused.body);
      const error = (id: string) => html.querySelector(`#schema-${id}-error`)?.text ?? '';
      assert.match(error('code-unit'), /1 to 20 characters/);
      assert.match(error('mesure-decimals'), /from 0 to 10/);
      assert.match(error('mesure-timeserie_precision'), /Only a date/);
      assert.match(error('jour-timeserie_precision'), /Choose a precision/);
      assert.deepEqual(await annotations('code'), {});
      assert.deepEqual(await annotations('jour'), { timeserie_precision: ['month'] });
    });

    test('move buttons change the form’s order as typed; a save applies it everywhere', async () => {
      const page = await get(PAGE, admin);
      const buttons = parse(page.body).querySelectorAll('#schema-form button[name="move"]');
      const values = buttons.map((b) => b.getAttribute('value'));
      assert.ok(!values.includes('up:code') && !values.includes('down:jour'), 'none past the ends');
      assert.ok(values.includes('up:mesure') && values.includes('down:mesure'));
      const version = await currentVersion();
      const moved = await post({
        ...(await edited({ 'ville.label': 'Ville' })),
        move: 'up:mesure',
      });
      assert.equal(moved.statusCode, 200);
      const html = parse(moved.body);
      const form = formOf(moved.body);
      assert.equal(form['order'], MOVED.join(','));
      assert.equal(form['f.ville.label'], 'Ville', 'what was typed stays');
      const legends = html.querySelectorAll('#schema-form > fieldset > legend');
      assert.deepEqual(
        legends.map((legend) => legend.text.trim()),
        [
          'Field code (1 of 4)',
          'Field mesure (2 of 4)',
          'Field ville (3 of 4)',
          'Field jour (4 of 4)',
        ],
      );
      assert.match(html.querySelector('#bo-notice')?.text ?? '', /mesure is now at position 2/);
      assert.ok(html.querySelector('#schema-mesure-move-up')?.hasAttribute('autofocus'));
      assert.deepEqual(await names(), FIELDS, 'nothing saved yet');
      assert.equal((await dataset()).fields[1].label, 'ville');

      const saved = await post(form);
      assert.equal(saved.headers.location, `${PAGE}?done=saved`);
      assert.equal(await currentVersion(), version, 'in place');
      assert.deepEqual(await names(), MOVED);
      const table = await site('table');
      assert.deepEqual(
        table
          .querySelectorAll('#records-table thead th')
          .slice(1)
          .map((th) => th.text.trim().split(' (')[0]),
        ['code', 'mesure', 'Ville', 'jour'],
      );
      const csv = (await get(`${API}/exports/csv?order_by=code`)).body.split('\r\n');
      assert.equal(csv[0], '\uFEFFcode;mesure;ville;jour');
      assert.equal(csv[1], '007;12.5;Lyon;2024-01-05');
      const [entry] = (
        await portal.engine.metadata.listActivity({
          datasetId: 'releves',
          action: 'dataset.schema',
          limit: 5,
          offset: 0,
        })
      ).entries;
      assert.deepEqual(entry?.diff?.['order'], { before: FIELDS, after: MOVED });
      assert.deepEqual(entry?.diff?.['ville.label'], { before: 'ville', after: 'Ville' });
    });

    test('a re-import keeps the order and the unit; record ids stay from one import to the next', async () => {
      const ids = async () =>
        (
          (await get('/api/records/1.0/search/?dataset=releves&sort=-code')).json() as {
            records: { recordid: string }[];
          }
        ).records.map((r) => r.recordid);
      await importFile(portal.engine, { datasetId: 'releves', path: csvPath });
      assert.deepEqual(await names(), MOVED);
      assert.deepEqual(await annotations('mesure'), { unit: ['°C'], decimals: ['2'] });
      const records = (await get(`${API}/records?order_by=code`)).json().results;
      assert.deepEqual(records[0], {
        code: '007',
        mesure: 12.5,
        ville: 'Lyon',
        jour: '2024-01-05',
      });
      assert.deepEqual(Object.keys(records[0]), MOVED);
      const first = await ids();
      await importFile(portal.engine, { datasetId: 'releves', path: csvPath });
      assert.deepEqual(await ids(), first);
    });
  });
}
