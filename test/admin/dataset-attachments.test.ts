// A dataset's attachments in the back office, on both engines: who may open the tab; adding a
// file (multipart, token first), which the API lists and serves and the public page links;
// replacing it (same id, new file, old file gone); deleting it after the confirmation; each in
// the activity log; and the refusals next to the field (no file, too large, a bad or taken
// name, a long title), none of which leaves a file behind or answers a 500.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import type { Part } from '../helpers/multipart.ts';
import { MULTIPART_TYPE, multipartBody } from '../helpers/multipart.ts';
import { editorSession, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const TAB = '/backoffice/datasets/docs/attachments/';
const API = '/api/explore/v2.1/catalog/datasets/docs/attachments';
const MAX_BYTES = 2000;
const NOTICE = Buffer.from('%PDF-1.4 a short methodological note\n');
const NOTICE_2 = Buffer.from('%PDF-1.4 the note, second edition\n');
const ARCHIVE = Buffer.from('PK\u0003\u0004 not really a zip, but bytes all the same');

for (const engine of TEST_ENGINES) {
  describe(`a dataset's attachments in the back office (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let editor = { cookie: '', id: '' };
    let outsider = '';

    before(async () => {
      portal = await startTestPortal({
        engine,
        env: { DATAGORA_UPLOAD_MAX_BYTES: String(MAX_BYTES) },
      });
      ({ admin, user } = await staffSessions(portal));
      await portal.engine.metadata.saveDataset({ id: 'docs', metas: emptyMetas('Documents') });
      await portal.engine.metadata.saveDataset({ id: 'other', metas: emptyMetas('Other') });
      editor = await editorSession(portal, 'editor@example.org', ['docs']);
      outsider = (await editorSession(portal, 'outsider@example.org', ['other'])).cookie;
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function credentials(session: string) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return { token: csrf.token, cookie: `${session}; ${csrf.cookie}` };
    }

    async function upload(url: string, parts: (token: string) => Part[], session = admin) {
      const { token, cookie } = await credentials(session);
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          cookie,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': MULTIPART_TYPE,
        },
        payload: multipartBody(parts(token)),
      });
    }

    async function post(url: string, fields: Record<string, string>, session = admin) {
      const { token, cookie } = await credentials(session);
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          cookie,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ csrfmiddlewaretoken: token, ...fields }).toString(),
      });
    }

    const folder = () => join(portal.home, 'attachments', 'docs');
    const filesOnDisk = () => (existsSync(folder()) ? readdirSync(folder()).sort() : []);
    const listed = async () =>
      ((await get(API)).json() as { attachments: { metas: Record<string, string> }[] }).attachments;
    const entries = async (action: string) =>
      (
        await portal.engine.metadata.listActivity({
          datasetId: 'docs',
          action,
          limit: 10,
          offset: 0,
        })
      ).entries;

    test('the tab is for administrators and the dataset’s editors', async () => {
      const anonymous = await get(TAB);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(TAB)}`);
      assert.equal((await get(TAB, user)).statusCode, 403);
      assert.equal((await get(TAB, outsider)).statusCode, 403);
      assert.equal((await get('/backoffice/datasets/nothing/attachments/', admin)).statusCode, 404);
      const page = await get(TAB, editor.cookie);
      assert.equal(page.statusCode, 200);
      const html = parse(page.body);
      assert.equal(html.querySelector('nav a.fr-tag[aria-current="page"]')?.text, 'Attachments');
      assert.match(html.querySelector('main')?.text ?? '', /no attachment/);
      const form = html.querySelector('form#attachment-add');
      assert.equal(form?.getAttribute('enctype'), 'multipart/form-data');
      const names = form!.querySelectorAll('input').map((input) => input.getAttribute('name'));
      assert.equal(names[0], 'csrfmiddlewaretoken', 'the token is the first field');
      const overview = parse((await get('/backoffice/datasets/docs/', admin)).body);
      assert.ok(overview.querySelector(`nav a.fr-tag[href="${TAB}"]`));
      const refused = await upload(
        TAB,
        (token) => [
          ['csrfmiddlewaretoken', token],
          ['file', NOTICE, 'notice.pdf'],
        ],
        outsider,
      );
      assert.equal(refused.statusCode, 403);
      assert.deepEqual(filesOnDisk(), []);
    });

    test('an added file is listed and served by the API, linked on the public page, logged', async () => {
      const done = await upload(
        TAB,
        (token) => [
          ['csrfmiddlewaretoken', token],
          ['title', 'Methodological note'],
          ['file', NOTICE, 'Note méthodologique.pdf'],
        ],
        editor.cookie,
      );
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, `${TAB}?done=added`);
      const page = parse((await get(String(done.headers.location), editor.cookie)).body);
      assert.match(page.querySelector('#bo-notice')?.text ?? '', /Attachment added/);
      const row = page.querySelector('#attachment-note_methodologique_pdf');
      assert.equal(row?.querySelector('th')?.text, 'Methodological note');
      assert.match(row?.text ?? '', new RegExp(`${NOTICE.length} B`));

      assert.deepEqual(await listed(), [
        {
          href: `${portal.config.baseUrl}${API}/note_methodologique_pdf`,
          metas: {
            'mime-type': 'application/pdf',
            title: 'Methodological note',
            url: 'odsfile://Note méthodologique.pdf',
            id: 'note_methodologique_pdf',
          },
        },
      ]);
      const file = await get(`${API}/note_methodologique_pdf`);
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, NOTICE);
      const info = parse((await get('/explore/dataset/docs/information/')).body);
      const link = info.querySelector('#attachments a');
      assert.equal(
        link?.getAttribute('href'),
        '/api/datasets/1.0/docs/attachments/note_methodologique_pdf/',
      );
      assert.equal(link?.text, 'Methodological note (application/pdf)');
      assert.deepEqual((await get(link!.getAttribute('href')!)).rawPayload, NOTICE);

      const [entry] = await entries('dataset.attachment_add');
      assert.equal(entry?.userId, editor.id);
      assert.deepEqual(entry?.diff, {
        attachment: { before: null, after: 'note_methodologique_pdf' },
        file: { before: null, after: 'Note méthodologique.pdf' },
        title: { before: null, after: 'Methodological note' },
      });
      assert.deepEqual(filesOnDisk(), ['Note méthodologique.pdf']);
    });

    test('refused forms: the message next to the field, the title kept, no file left', async () => {
      const cases: { parts: (token: string) => Part[]; status: number; message: RegExp }[] = [
        {
          parts: (token) => [
            ['csrfmiddlewaretoken', token],
            ['title', 'Kept title'],
          ],
          status: 400,
          message: /Choose a file that is not empty/,
        },
        {
          parts: (token) => [
            ['csrfmiddlewaretoken', token],
            ['title', 'Kept title'],
            ['file', Buffer.alloc(MAX_BYTES + 1, 65), 'big.csv'],
          ],
          status: 413,
          message: /larger than the maximum size \(2 kB\)/,
        },
        {
          parts: (token) => [
            ['csrfmiddlewaretoken', token],
            ['title', 'Kept title'],
            ['file', ARCHIVE, '.hidden'],
          ],
          status: 400,
          message: /This file name cannot be used/,
        },
        {
          parts: (token) => [
            ['csrfmiddlewaretoken', token],
            ['title', 'Kept title'],
            ['file', ARCHIVE, '___'],
          ],
          status: 400,
          message: /This file name cannot be used/,
        },
        {
          parts: (token) => [
            ['csrfmiddlewaretoken', token],
            ['title', 'Kept title'],
            ['file', NOTICE_2, 'NOTE méthodologique.PDF'],
          ],
          status: 409,
          message: /already has this name \(note_methodologique_pdf\)/,
        },
      ];
      for (const { parts, status, message } of cases) {
        const refused = await upload(TAB, parts);
        assert.equal(refused.statusCode, status, refused.body.slice(0, 200));
        const html = parse(refused.body);
        assert.match(html.querySelector('#attachment-file-error')?.text ?? '', message);
        assert.equal(html.querySelector('#attachment-file')?.getAttribute('aria-invalid'), 'true');
        if (status !== 413) {
          assert.equal(
            html.querySelector('#attachment-title')?.getAttribute('value'),
            'Kept title',
          );
        }
      }
      const long = await upload(TAB, (token) => [
        ['csrfmiddlewaretoken', token],
        ['title', 'x'.repeat(201)],
        ['file', ARCHIVE, 'data.zip'],
      ]);
      assert.equal(long.statusCode, 400);
      assert.match(
        parse(long.body).querySelector('#attachment-title-error')?.text ?? '',
        /at most 200 characters/,
      );
      const late = await upload(TAB, (token) => [
        ['file', ARCHIVE, 'data.zip'],
        ['csrfmiddlewaretoken', token],
      ]);
      assert.equal(late.statusCode, 403, 'a token after the file is refused');
      assert.deepEqual(filesOnDisk(), ['Note méthodologique.pdf']);
      assert.equal((await listed()).length, 1);
    });

    test('replacing keeps the id, serves the new file and removes the old one', async () => {
      const added = await upload(TAB, (token) => [
        ['csrfmiddlewaretoken', token],
        ['file', ARCHIVE, 'data.zip'],
      ]);
      assert.equal(added.statusCode, 303);
      const replace = `${TAB}note_methodologique_pdf/replace`;
      const form = parse((await get(replace, admin)).body);
      assert.match(form.querySelector('h1')?.text ?? '', /Methodological note/);
      const taken = await upload(replace, (token) => [
        ['csrfmiddlewaretoken', token],
        ['file', NOTICE_2, 'data.zip'],
      ]);
      assert.equal(taken.statusCode, 409);
      assert.match(
        parse(taken.body).querySelector('#attachment-file-error')?.text ?? '',
        /already has this name \(data_zip\)/,
      );
      const missing = await upload(replace, (token) => [['csrfmiddlewaretoken', token]]);
      assert.equal(missing.statusCode, 400);

      const done = await upload(replace, (token) => [
        ['csrfmiddlewaretoken', token],
        ['title', ''],
        ['file', NOTICE_2, 'note-2025.pdf'],
      ]);
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, `${TAB}?done=replaced`);
      const metas = (await listed()).map((a) => a.metas);
      assert.deepEqual(
        metas.find((m) => m['id'] === 'note_methodologique_pdf'),
        {
          'mime-type': 'application/pdf',
          title: 'Methodological note',
          url: 'odsfile://note-2025.pdf',
          id: 'note_methodologique_pdf',
        },
      );
      assert.deepEqual((await get(`${API}/note_methodologique_pdf`)).rawPayload, NOTICE_2);
      assert.deepEqual(filesOnDisk(), ['data.zip', 'note-2025.pdf']);
      const [entry] = await entries('dataset.attachment_replace');
      assert.deepEqual(entry?.diff, {
        attachment: { before: 'note_methodologique_pdf', after: 'note_methodologique_pdf' },
        file: { before: 'Note méthodologique.pdf', after: 'note-2025.pdf' },
        title: { before: 'Methodological note', after: 'Methodological note' },
      });
      assert.equal((await get(`${TAB}nothing/replace`, admin)).statusCode, 404);
    });

    test('deleting asks for the box, then the file is gone from the API, the page and disk', async () => {
      const path = `${TAB}data_zip/delete`;
      const confirm = await get(path, admin);
      assert.equal(confirm.statusCode, 200);
      assert.match(parse(confirm.body).querySelector('.fr-text--lead')?.text ?? '', /data\.zip/);
      const unconfirmed = await post(path, {});
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(
        parse(unconfirmed.body).querySelector('#confirm-attachment-error')?.text ?? '',
        /Tick the box/,
      );
      assert.equal((await listed()).length, 2);

      const done = await post(path, { confirm: 'yes' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${TAB}?done=deleted`);
      assert.deepEqual(
        (await listed()).map((a) => a.metas['id']),
        ['note_methodologique_pdf'],
      );
      assert.equal((await get(`${API}/data_zip`)).statusCode, 404);
      assert.deepEqual(filesOnDisk(), ['note-2025.pdf']);
      const info = parse((await get('/explore/dataset/docs/information/')).body);
      assert.equal(info.querySelectorAll('#attachments li').length, 1);
      const [entry] = await entries('dataset.attachment_delete');
      assert.deepEqual(entry?.diff, {
        attachment: { before: 'data_zip', after: null },
        file: { before: 'data.zip', after: null },
        title: { before: 'data.zip', after: null },
      });
      assert.equal((await post(path, { confirm: 'yes' })).statusCode, 404);
      const log = parse((await get('/backoffice/activity/?dataset=docs', admin)).body);
      assert.match(log.text, /Attachment deleted/);
    });
  });
}
