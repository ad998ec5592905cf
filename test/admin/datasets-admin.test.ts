// The back office's dataset pages over real HTTP (inject): who may open what (anonymous → sign-in,
// plain users 403, editors only their datasets, administrators all), the list's search and state
// filter, publish and unpublish (CSRF-checked, seen at once by the public API), rollback and
// delete through their confirmation step, and the activity log page with its filters.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { STAFF_PASSWORD, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const LIST = '/backoffice/datasets/';

for (const engine of TEST_ENGINES) {
  describe(`the back office dataset pages (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let editor = '';

    async function load(datasetId: string, rows: number) {
      const writer = await portal.engine.beginVersion({
        datasetId,
        fields: SAMPLE_FIELDS,
        source: `${datasetId}-${rows}.csv`,
      });
      await writer.append(sampleRows(rows));
      return writer.commit();
    }

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
      const { metadata } = portal.engine;
      await metadata.saveDataset({ id: 'cafes', metas: emptyMetas('Cafés de Lyon') });
      await metadata.saveDataset({ id: 'parks', metas: emptyMetas('Parks') });
      await metadata.saveDataset({
        id: 'drafty',
        metas: emptyMetas('Draft data'),
        published: false,
      });
      await load('cafes', 2);
      await load('cafes', 4);
      await load('parks', 1);
      const { accounts, auth } = portal.services.auth;
      const account = await accounts.createUser({
        email: 'editor@example.org',
        name: 'Eddie Tor',
        password: STAFF_PASSWORD,
        role: 'editor',
      });
      await accounts.setEditableDatasets(account.id, ['cafes', 'drafty']);
      editor = `sessionid=${(await auth.renewSession(await accounts.findUser(account.id))).key}`;
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(
      url: string,
      fields: Record<string, string>,
      session: string,
      withToken = true,
    ) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: withToken
          ? formWithToken(fields, csrf.token)
          : new URLSearchParams(fields).toString(),
      });
    }

    const rowIds = (body: string) =>
      parse(body)
        .querySelectorAll('#datasets tbody tr')
        .map((row) => row.id.replace('dataset-row-', ''))
        .sort();

    test('anonymous visitors sign in first; plain users are refused', async () => {
      const anonymous = await get(LIST);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(LIST)}`);
      assert.equal((await get(LIST, user)).statusCode, 403);
      assert.equal((await get(`${LIST}cafes/`, user)).statusCode, 403);
      assert.equal((await post(`${LIST}cafes/unpublish`, {}, user)).statusCode, 403);
      assert.equal((await portal.engine.metadata.getDataset('cafes'))?.published, true);
    });

    test('/backoffice/ leads editors to the datasets; their menu shows only what they may open', async () => {
      const entry = await get('/backoffice/', editor);
      assert.equal(entry.statusCode, 302);
      assert.equal(entry.headers.location, LIST);
      const menu = parse((await get(LIST, editor)).body)
        .querySelectorAll('.fr-sidemenu a')
        .map((a) => a.getAttribute('href'));
      assert.deepEqual(menu, [LIST]);
      const adminMenu = parse((await get(LIST, admin)).body)
        .querySelectorAll('.fr-sidemenu a')
        .map((a) => a.getAttribute('href'));
      assert.ok(adminMenu.includes('/backoffice/activity/'));
    });

    test('administrators list every dataset, editors theirs, with search and state filter', async () => {
      const all = await get(LIST, admin);
      assert.equal(all.statusCode, 200);
      assert.equal(all.headers['cache-control'], 'private');
      assert.deepEqual(rowIds(all.body), ['cafes', 'drafty', 'parks']);
      assert.deepEqual(rowIds((await get(LIST, editor)).body), ['cafes', 'drafty']);
      assert.deepEqual(rowIds((await get(`${LIST}?q=CAFES+lyon`, admin)).body), ['cafes']);
      assert.deepEqual(rowIds((await get(`${LIST}?state=draft`, admin)).body), ['drafty']);
      const row = parse(all.body).querySelector('#dataset-row-cafes');
      assert.match(row?.text ?? '', /Published/);
      assert.equal(row?.querySelectorAll('td')[1]?.text, '4');
      const unknown = await get(`${LIST}?state=gone&q=%3Cscript%3E`, admin);
      assert.equal(unknown.statusCode, 400);
      assert.ok(parse(unknown.body).querySelector('#datasets-state-error'));
      assert.equal(
        parse(unknown.body).querySelector('#datasets-q')?.getAttribute('value'),
        '<script>',
      );
    });

    test('a dataset page: 403 for a dataset the editor may not edit, 404 for none', async () => {
      assert.equal((await get(`${LIST}parks/`, editor)).statusCode, 403);
      assert.match((await get(`${LIST}parks/`, editor)).body, /may not manage this dataset/);
      assert.equal((await get(`${LIST}nothing/`, admin)).statusCode, 404);
      assert.equal((await get(`${LIST}Not%20An%20Id/`, admin)).statusCode, 404);
      const page = parse((await get(`${LIST}cafes/`, editor)).body);
      assert.equal(page.querySelectorAll('#versions tbody tr').length, 2);
      assert.ok(page.querySelector('nav a.fr-tag[aria-current="page"]'));
      assert.equal((await post(`${LIST}parks/unpublish`, {}, editor)).statusCode, 403);
    });

    test('unpublish needs the CSRF token; then the public no longer sees the dataset', async () => {
      const refused = await post(`${LIST}cafes/unpublish`, {}, editor, false);
      assert.equal(refused.statusCode, 403);
      assert.equal((await portal.engine.metadata.getDataset('cafes'))?.published, true);

      const done = await post(`${LIST}cafes/unpublish`, {}, editor);
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${LIST}cafes/?done=unpublished`);
      const api = '/api/explore/v2.1/catalog/datasets/cafes';
      assert.equal((await get(api)).statusCode, 404);
      assert.equal((await get(api, editor)).statusCode, 200, 'its editor previews it');
      const page = await get(String(done.headers.location), editor);
      assert.match(parse(page.body).querySelector('#bo-notice')?.text ?? '', /unpublished/);

      assert.equal((await post(`${LIST}cafes/publish`, {}, editor)).statusCode, 303);
      assert.equal((await get(api)).statusCode, 200);
    });

    test('rollback asks for confirmation, then puts the previous version back', async () => {
      const confirm = await get(`${LIST}cafes/rollback`, editor);
      assert.equal(confirm.statusCode, 200);
      assert.ok(parse(confirm.body).querySelector('input[name=confirm]'));
      const unticked = await post(`${LIST}cafes/rollback`, {}, editor);
      assert.equal(unticked.statusCode, 400);
      assert.ok(parse(unticked.body).querySelector('#confirm-rollback-error'));
      assert.equal((await portal.engine.metadata.getDataset('cafes'))?.current?.recordsCount, 4);

      const done = await post(`${LIST}cafes/rollback`, { confirm: 'yes' }, editor);
      assert.equal(done.statusCode, 303);
      assert.equal((await portal.engine.metadata.getDataset('cafes'))?.current?.recordsCount, 2);
      const again = await post(`${LIST}cafes/rollback`, { confirm: 'yes' }, editor);
      assert.equal(again.statusCode, 409);
      assert.match(parse(again.body).querySelector('#bo-notice')?.text ?? '', /No previous/);
    });

    test('delete asks for confirmation, then the dataset is gone', async () => {
      assert.equal((await post(`${LIST}drafty/delete`, { confirm: 'no' }, editor)).statusCode, 400);
      assert.ok(await portal.engine.metadata.getDataset('drafty'));
      const done = await post(`${LIST}drafty/delete`, { confirm: 'yes' }, editor);
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${LIST}?deleted=drafty`);
      assert.equal(await portal.engine.metadata.getDataset('drafty'), null);
      const list = await get(String(done.headers.location), editor);
      assert.match(parse(list.body).querySelector('#bo-notice')?.text ?? '', /drafty was deleted/);
      assert.equal((await get(`${LIST}drafty/`, admin)).statusCode, 404);
      // The editor's right to it went with it.
      assert.equal((await get(`${LIST}drafty/`, editor)).statusCode, 403);
    });

    test('the activity log: administrators only, newest first, filtered, diffs shown', async () => {
      assert.equal((await get('/backoffice/activity/', editor)).statusCode, 403);
      const page = await get('/backoffice/activity/', admin);
      assert.equal(page.statusCode, 200);
      const rows = parse(page.body).querySelectorAll('#activity tbody tr');
      assert.deepEqual(
        rows.map((r) => r.querySelectorAll('td')[2]!.text),
        ['Deletion', 'Rollback to the previous version', 'Publication', 'Unpublication'],
      );
      assert.match(rows[0]!.text, /Eddie Tor/);
      assert.match(rows[3]!.querySelector('del')?.text ?? '', /true/);
      const filtered = await get('/backoffice/activity/?action=dataset.publish', admin);
      assert.equal(parse(filtered.body).querySelectorAll('#activity tbody tr').length, 1);
      const byDataset = await get('/backoffice/activity/?dataset=drafty', admin);
      assert.equal(parse(byDataset.body).querySelectorAll('#activity tbody tr').length, 1);
      const bad = await get('/backoffice/activity/?dataset=Bad%20Id&page=x', admin);
      assert.equal(bad.statusCode, 400);
      assert.ok(parse(bad.body).querySelector('#activity-dataset-error'));
    });
  });
}
