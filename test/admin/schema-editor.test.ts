// The schema editor over real HTTP (inject): who may open it, the form filled from the current
// version, edits of labels, descriptions, annotations and translations seen at once by the API
// (same version), a facet or a type change building a new version with converted values, a type
// change refused with a stored value that does not convert (nothing changed), refused forms kept
// as typed with their messages, never a 500, the activity log, and a re-import keeping the edits.
// Units, precisions of dates and the fields' order: schema-editor-order.test.ts.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { importFile } from '../../src/ingest/import-file.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { encodeForm, formOf } from '../helpers/schema-form.ts';
import { STAFF_PASSWORD, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/datasets/releves/schema/';
const API = '/api/explore/v2.1/catalog/datasets/releves';

// `code` keeps its leading zeros as text: "007" would lose them as an integer.
const CSV = [
  'code;ville;mesure;jour',
  '007;Lyon;12;2024-01-05',
  '010;Lyon;7;2024-02-10',
  '123;Paris;5;2024-03-01',
  '',
].join('\n');

const FIELDS = ['code', 'ville', 'mesure', 'jour'];

for (const engine of TEST_ENGINES) {
  describe(`the schema editor (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let editor = '';
    let csvPath = '';

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
      csvPath = join(portal.home, 'releves.csv');
      writeFileSync(csvPath, CSV);
      await importFile(portal.engine, { datasetId: 'releves', path: csvPath, title: 'Relevés' });
      await importFile(portal.engine, { datasetId: 'parcs', path: csvPath, title: 'Parcs' });
      const { accounts, auth } = portal.services.auth;
      const account = await accounts.createUser({
        email: 'editor@example.org',
        name: 'Eddie Tor',
        password: STAFF_PASSWORD,
        role: 'editor',
      });
      await accounts.setEditableDatasets(account.id, ['parcs']);
      editor = `sessionid=${(await auth.renewSession(await accounts.findUser(account.id))).key}`;
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(
      fields: Record<string, string | string[]>,
      session: string,
      withToken = true,
    ) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url: PAGE,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: encodeForm(fields, withToken ? csrf.token : undefined),
      });
    }

    /** The current form with `changes` applied (names without the `f.` prefix). */
    async function edited(changes: Record<string, string | string[]>) {
      const form = formOf((await get(PAGE, admin)).body);
      for (const [name, value] of Object.entries(changes)) form[`f.${name}`] = value;
      return form;
    }

    const dataset = async (query = '') => (await get(`${API}${query}`)).json();
    const field = (d: { fields: { name: string }[] }, name: string) =>
      d.fields.find((f) => f.name === name) as Record<string, unknown>;
    const currentVersion = async () =>
      (await portal.engine.metadata.getDataset('releves'))!.current!.id;
    const schemaLog = async () =>
      (
        await portal.engine.metadata.listActivity({
          datasetId: 'releves',
          action: 'dataset.schema',
          limit: 50,
          offset: 0,
        })
      ).entries;

    test('anonymous visitors sign in first; plain users and other editors are refused', async () => {
      const anonymous = await get(PAGE);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      assert.equal((await get(PAGE, user)).statusCode, 403);
      assert.equal((await get(PAGE, editor)).statusCode, 403);
      const form = formOf((await get(PAGE, admin)).body);
      const forbidden = await post({ ...form, 'f.ville.label': 'Hacked' }, editor);
      assert.equal(forbidden.statusCode, 403);
      assert.equal((await post({ ...form, 'f.ville.label': 'Hacked' }, user)).statusCode, 403);
      assert.equal(field(await dataset(), 'ville')['label'], 'ville');
      assert.equal((await get('/backoffice/datasets/parcs/schema/', editor)).statusCode, 200);
      assert.equal((await get('/backoffice/datasets/nope/schema/', admin)).statusCode, 404);
    });

    test('the page lists the fields and fills the form from the current version', async () => {
      const page = await get(PAGE, admin);
      assert.equal(page.statusCode, 200);
      const html = parse(page.body);
      const rows = html.querySelectorAll('table tbody tr');
      assert.deepEqual(
        rows.map((row) => row.querySelector('code')?.text),
        FIELDS,
      );
      const form = formOf(page.body);
      assert.equal(form['f.code.type'], 'text');
      assert.equal(form['f.mesure.type'], 'int');
      assert.equal(form['f.jour.type'], 'date');
      assert.equal(form['f.ville.label'], 'ville');
      // The data's language is not set: both languages are offered as translations.
      assert.ok('f.ville.tr.en.label' in form && 'f.ville.tr.fr.label' in form);
      assert.equal(html.querySelector('a[aria-current="page"]')?.text.trim(), 'Schema');
    });

    test('labels, descriptions, facet order and translations change the current version in place', async () => {
      const version = await currentVersion();
      const saved = await post(
        await edited({
          'ville.label': 'Ville',
          'ville.description': 'Commune du relevé',
          'ville.facetsort': 'alphanum',
          'ville.hierarchical': '/',
          'ville.flags': ['disjunctive'],
          'ville.tr.en.label': 'Town',
          'ville.tr.en.description': 'Town of the reading',
          'mesure.tr.en.label': 'Reading',
        }),
        admin,
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${PAGE}?done=saved`);
      assert.match((await get(String(saved.headers.location), admin)).body, /Schema saved/);
      assert.equal(await currentVersion(), version, 'no new version for these changes');

      const ville = field(await dataset(), 'ville');
      assert.equal(ville['label'], 'Ville');
      assert.equal(ville['description'], 'Commune du relevé');
      assert.deepEqual(ville['annotations'], {
        facetsort: ['alphanum'],
        hierarchical: ['/'],
        disjunctive: [],
      });
      assert.equal(ville['translations'], undefined, 'translations are not shown as such');
      const english = await dataset('?lang=en');
      assert.equal(field(english, 'ville')['label'], 'Town');
      assert.equal(field(english, 'ville')['description'], 'Town of the reading');
      assert.equal(field(english, 'mesure')['label'], 'Reading');
      assert.equal(field(english, 'code')['label'], 'code');

      const [entry] = await schemaLog();
      assert.ok(entry, 'the save is in the activity log');
      assert.deepEqual(entry.diff?.['ville.label'], { before: 'ville', after: 'Ville' });
      assert.deepEqual(entry.diff?.['mesure.translations'], {
        before: {},
        after: { en: { label: 'Reading' } },
      });
      assert.equal(entry.diff?.['code.label'], undefined);

      const again = await post(await edited({}), admin);
      assert.equal(again.headers.location, `${PAGE}?done=unchanged`);
      assert.equal((await schemaLog()).length, 1, 'an unchanged save writes nothing');
    });

    test('a facet builds a new version with the same records', async () => {
      const version = await currentVersion();
      const saved = await post(await edited({ 'ville.flags': ['facet', 'disjunctive'] }), admin);
      assert.equal(saved.headers.location, `${PAGE}?done=rebuilt`);
      assert.notEqual(await currentVersion(), version);
      const d = await dataset();
      assert.deepEqual(Object.keys(field(d, 'ville')['annotations'] as object).sort(), [
        'disjunctive',
        'facet',
        'facetsort',
        'hierarchical',
      ]);
      assert.equal(field(d, 'ville')['label'], 'Ville', 'the edits travel to the new version');
      assert.equal(d.metas.default.records_count, 3);
      const facets = (await get(`${API}/facets`)).json();
      const ville = facets.facets.find((f: { name: string }) => f.name === 'ville');
      assert.deepEqual(
        ville.facets.map((v: { name: string; count: number }) => [v.name, v.count]),
        [
          ['Lyon', 2],
          ['Paris', 1],
        ],
      );
      const [entry] = await schemaLog();
      assert.deepEqual(entry?.diff?.['version'], {
        before: version,
        after: await currentVersion(),
      });
    });

    test('a type change converts the stored values, and back', async () => {
      const toText = await post(await edited({ 'mesure.type': 'text' }), admin);
      assert.equal(toText.headers.location, `${PAGE}?done=rebuilt`);
      const records = async () =>
        (await get(`${API}/records?select=code,mesure&order_by=code`)).json().results;
      assert.deepEqual(await records(), [
        { code: '007', mesure: '12' },
        { code: '010', mesure: '7' },
        { code: '123', mesure: '5' },
      ]);
      const toInt = await post(await edited({ 'mesure.type': 'int' }), admin);
      assert.equal(toInt.headers.location, `${PAGE}?done=rebuilt`);
      assert.deepEqual(
        (await records()).map((r: { mesure: unknown }) => r.mesure),
        [12, 7, 5],
      );
      const list = await post(await edited({ 'ville.multivalued': ',' }), admin);
      assert.equal(list.headers.location, `${PAGE}?done=rebuilt`);
      const villes = (await get(`${API}/records?select=ville&order_by=code`)).json().results;
      assert.deepEqual(villes, [{ ville: ['Lyon'] }, { ville: ['Lyon'] }, { ville: ['Paris'] }]);
    });

    test('a type change a stored value does not survive is refused, naming it', async () => {
      const version = await currentVersion();
      const before = (await portal.engine.metadata.getDataset('releves'))!.current!.fields;
      const refused = await post(await edited({ 'code.type': 'int' }), admin);
      assert.equal(refused.statusCode, 400);
      const html = parse(refused.body);
      assert.match(html.querySelector('#schema-code-type-error')?.text ?? '', /“007”/);
      assert.equal(
        html.querySelector('select[name="f.code.type"] option[selected]')?.text,
        'Integer',
      );
      assert.equal(await currentVersion(), version, 'the current version stays');
      assert.deepEqual(
        (await portal.engine.metadata.getDataset('releves'))!.current!.fields,
        before,
      );
      assert.equal(field(await dataset(), 'code')['type'], 'text');
      const dates = await post(await edited({ 'jour.type': 'int' }), admin);
      assert.equal(dates.statusCode, 400);
      assert.match(
        parse(dates.body).querySelector('#schema-jour-type-error')?.text ?? '',
        /2024-0/,
      );
    });

    test('refused values come back as typed, each message by its control, nothing saved', async () => {
      const version = await currentVersion();
      const refused = await post(
        await edited({
          'ville.label': '  ',
          'mesure.multivalued': ';',
          'mesure.flags': ['sortable'],
          'jour.hierarchical': '//////',
          'jour.facetsort': 'sideways',
          'code.tr.en.label': 'x'.repeat(201),
          'code.type': 'colour',
        }),
        admin,
      );
      assert.equal(refused.statusCode, 400);
      const html = parse(refused.body);
      const error = (id: string) => html.querySelector(`#schema-${id}-error`)?.text ?? '';
      assert.match(error('ville-label'), /Give the field a label/);
      assert.match(error('mesure-multivalued'), /Only a text field/);
      assert.match(error('mesure-flags'), /Only a text field/);
      assert.match(error('jour-hierarchical'), /Only a text field/);
      assert.match(error('jour-facetsort'), /Choose an order/);
      assert.match(error('code-tr-en-label'), /too long/);
      assert.match(error('code-type'), /Choose a type/);
      assert.equal(html.querySelectorAll('#schema-problems li').length, 7);
      assert.equal(formOf(refused.body)['f.mesure.multivalued'], ';');
      assert.equal(await currentVersion(), version);
      assert.equal(field(await dataset(), 'ville')['label'], 'Ville');

      const forged = await post(await edited({ 'ville.label': 'Forged' }), admin, false);
      assert.equal(forged.statusCode, 403);
      assert.equal(field(await dataset(), 'ville')['label'], 'Ville');
    });

    test('odd posts get a 4xx page, never a 500', async () => {
      const form = await edited({});
      const answers = await Promise.all([
        post({}, admin),
        post({ ...form, version: 'abc' }, admin),
        post({ ...form, version: '1' }, admin),
        post({ ...form, 'f.ville.flags': ['facet', 'nonsense'], 'f.ghost.label': 'x' }, admin),
      ]);
      for (const answer of answers) {
        assert.ok(answer.statusCode < 500, `status ${answer.statusCode}`);
      }
      assert.equal(answers[0]!.statusCode, 409);
      assert.match(answers[0]!.body, /nothing was saved/);
    });

    test('a re-import of the file keeps the edited labels, types and annotations', async () => {
      await importFile(portal.engine, { datasetId: 'releves', path: csvPath });
      const d = await dataset();
      assert.equal(field(d, 'ville')['label'], 'Ville');
      assert.equal(field(d, 'mesure')['type'], 'int');
      assert.deepEqual(
        (field(d, 'ville')['annotations'] as Record<string, unknown>)['multivalued'],
        [','],
      );
      assert.equal(field(await dataset('?lang=en'), 'ville')['label'], 'Town');
      const villes = (await get(`${API}/records?select=ville&order_by=code`)).json().results;
      assert.deepEqual(villes, [{ ville: ['Lyon'] }, { ville: ['Lyon'] }, { ville: ['Paris'] }]);
    });
  });
}
