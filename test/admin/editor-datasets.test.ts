// Editors create datasets, on both engines: an editor of given datasets uploads a file, sees
// its preview and creates the dataset, which is then theirs (owner, among the datasets they
// edit: its pages, its Source tab, the list) and no other editor's; an editor of every dataset
// keeps that scope; an upload waits for the one who sent it; plain users are refused.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { MULTIPART_TYPE, multipartBody } from '../helpers/multipart.ts';
import { editorSession, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const NEW = '/backoffice/datasets/new/';
const CSV = Buffer.from('Nom;Ville;Note\nChez Paul;Lyon;4\nLe Zinc;Paris;3\n');

for (const engine of TEST_ENGINES) {
  describe(`editors create datasets (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let editor = { cookie: '', id: '' };
    let allEditor = { cookie: '', id: '' };
    let other = { cookie: '', id: '' };

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
      await portal.engine.metadata.saveDataset({ id: 'mine', metas: emptyMetas('Mine') });
      editor = await editorSession(portal, 'editor@example.org', ['mine']);
      allEditor = await editorSession(portal, 'all@example.org', 'all');
      other = await editorSession(portal, 'other@example.org', ['mine']);
    });
    after(async () => {
      await portal.services.imports.idle();
      await portal.close();
    });

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function credentials(session: string) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return {
        token: csrf.token,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          cookie: `${session}; ${csrf.cookie}`,
        },
      };
    }

    async function uploadAs(session: string, id: string) {
      const { token, headers } = await credentials(session);
      return portal.app.inject({
        method: 'POST',
        url: NEW,
        headers: { ...headers, 'content-type': MULTIPART_TYPE },
        payload: multipartBody([
          ['csrfmiddlewaretoken', token],
          ['kind', 'file'],
          ['file', CSV, 'restaurants.csv'],
          ['id', id],
          ['title', `Restaurants ${id}`],
        ]),
      });
    }

    async function create(session: string, upload: string) {
      const { token, headers } = await credentials(session);
      return portal.app.inject({
        method: 'POST',
        url: `${NEW}create/`,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          csrfmiddlewaretoken: token,
          upload,
          publish: 'no',
        }).toString(),
      });
    }

    const listed = async (cookie: string) =>
      parse((await get('/backoffice/datasets/', cookie)).body)
        .querySelectorAll('#datasets tbody tr')
        .map((row) => row.id.replace('dataset-row-', ''))
        .sort();

    test('plain users are refused the new dataset page and its upload', async () => {
      assert.equal((await get(NEW, user)).statusCode, 403);
      assert.equal((await uploadAs(user, 'nope')).statusCode, 403);
      assert.equal(await portal.engine.metadata.getDataset('nope'), null);
    });

    test('an editor of given datasets creates one: it is theirs, and no other editor’s', async () => {
      assert.equal((await get(NEW, editor.cookie)).statusCode, 200);
      const uploaded = await uploadAs(editor.cookie, 'editor_made');
      assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300));
      const preview = String(uploaded.headers.location);
      const token = new URL(preview, 'http://x').searchParams.get('upload')!;
      assert.equal((await get(preview, editor.cookie)).statusCode, 200);
      assert.equal((await get(preview, admin)).statusCode, 404, 'an upload waits for its sender');
      assert.equal((await create(other.cookie, token)).statusCode, 404);
      assert.equal(await portal.engine.metadata.getDataset('editor_made'), null);

      const created = await create(editor.cookie, token);
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      assert.equal(
        created.headers.location,
        '/backoffice/datasets/editor_made/source/?done=started',
      );
      await portal.services.imports.idle();
      const dataset = await portal.engine.metadata.getDataset('editor_made');
      assert.equal(dataset?.ownerId, editor.id);
      assert.equal(dataset?.published, false);
      assert.equal(dataset?.current?.recordsCount, 2);
      const account = await portal.services.auth.accounts.findUser(editor.id);
      assert.deepEqual(account.editableDatasets.sort(), ['editor_made', 'mine']);
      assert.equal(account.editsAllDatasets, false);

      assert.equal((await get(String(created.headers.location), editor.cookie)).statusCode, 200);
      assert.equal((await get('/backoffice/datasets/editor_made/', editor.cookie)).statusCode, 200);
      assert.deepEqual(await listed(editor.cookie), ['editor_made', 'mine']);
      assert.equal((await get('/backoffice/datasets/editor_made/', other.cookie)).statusCode, 403);
      assert.equal(
        (await get('/backoffice/datasets/editor_made/source/', other.cookie)).statusCode,
        403,
      );
      assert.deepEqual(await listed(other.cookie), ['mine']);
      const api = '/api/explore/v2.1/catalog/datasets/editor_made';
      assert.equal(
        (await get(api, editor.cookie)).statusCode,
        200,
        'its editor previews the draft',
      );
      assert.equal((await get(api, other.cookie)).statusCode, 404);
      const access = parse((await get('/backoffice/datasets/editor_made/access/', admin)).body);
      assert.match(access.querySelector(`#editor-${editor.id}`)?.text ?? '', /this dataset/);
    });

    test('an editor of every dataset creates one and keeps that scope', async () => {
      const uploaded = await uploadAs(allEditor.cookie, 'all_made');
      assert.equal(uploaded.statusCode, 303);
      const token = new URL(String(uploaded.headers.location), 'http://x').searchParams.get(
        'upload',
      )!;
      assert.equal((await create(allEditor.cookie, token)).statusCode, 303);
      await portal.services.imports.idle();
      assert.equal((await portal.engine.metadata.getDataset('all_made'))?.ownerId, allEditor.id);
      const account = await portal.services.auth.accounts.findUser(allEditor.id);
      assert.equal(account.editsAllDatasets, true);
      assert.deepEqual(account.editableDatasets, []);
    });

    test('a taken id is refused to an editor too, whoever may see that dataset', async () => {
      const uploaded = await uploadAs(other.cookie, 'editor_made');
      assert.equal(uploaded.statusCode, 400);
      assert.equal(
        parse(uploaded.body).querySelector('#new-id-error')?.text,
        'A dataset already has this identifier.',
      );
    });
  });
}
