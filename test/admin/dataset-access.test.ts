// A dataset's access tab in the back office, on both engines: who may open it; restricting the
// dataset (the public loses it), granting read access to a user and to a group and revoking it
// (they read it, then no longer), the refusals next to the field; the editors, which only
// administrators change and which the user page shows the same; each change in the activity log.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { STAFF_PASSWORD, editorSession, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const TAB = '/backoffice/datasets/docs/access/';
const API = '/api/explore/v2.1/catalog/datasets/docs';

for (const engine of TEST_ENGINES) {
  describe(`a dataset's access in the back office (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let member = '';
    let editor = { cookie: '', id: '' };
    let candidate = { cookie: '', id: '' };
    let everything = { cookie: '', id: '' };
    let outsider = '';
    let userId = '';
    let groupId = '';

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
      await portal.engine.metadata.saveDataset({ id: 'docs', metas: emptyMetas('Documents') });
      await portal.engine.metadata.saveDataset({ id: 'other', metas: emptyMetas('Other') });
      editor = await editorSession(portal, 'editor@example.org', ['docs']);
      candidate = await editorSession(portal, 'candidate@example.org', ['other']);
      everything = await editorSession(portal, 'all@example.org', 'all');
      outsider = (await editorSession(portal, 'outsider@example.org', [])).cookie;
      const { accounts, auth } = portal.services.auth;
      userId = (await accounts.findUser('user@example.org')).id;
      const inspector = await accounts.createUser({
        email: 'inspector@example.org',
        name: 'Inès Pector',
        password: STAFF_PASSWORD,
      });
      groupId = (await accounts.createGroup('Inspectors')).id;
      await accounts.addMember(groupId, inspector.id);
      member = `sessionid=${(await auth.renewSession(await accounts.findUser(inspector.id))).key}`;
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(url: string, fields: Record<string, string>, session = admin) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          cookie: `${session}; ${csrf.cookie}`,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ csrfmiddlewaretoken: csrf.token, ...fields }).toString(),
      });
    }

    const reads = async (cookie?: string) => (await get(API, cookie)).statusCode;
    const entries = async (action: string) =>
      (
        await portal.engine.metadata.listActivity({
          datasetId: 'docs',
          action,
          limit: 10,
          offset: 0,
        })
      ).entries;
    const fieldError = (body: string, id: string) =>
      parse(body).querySelector(`#${id}-error`)?.text ?? '';

    test('the tab is for administrators and the dataset’s editors', async () => {
      assert.equal((await get(TAB)).statusCode, 303);
      assert.equal((await get(TAB, user)).statusCode, 403);
      assert.equal((await get(TAB, outsider)).statusCode, 403);
      assert.equal((await get('/backoffice/datasets/nothing/access/', admin)).statusCode, 404);
      const page = parse((await get(TAB, editor.cookie)).body);
      assert.equal(page.querySelector('nav a.fr-tag[aria-current="page"]')?.text, 'Access');
      assert.equal(
        page.querySelector('#visibility input[value="domain"]')?.getAttribute('checked'),
        '',
      );
      assert.ok(page.querySelector('#grant-form'));
      assert.equal(page.querySelector('#editor-form'), null, 'editors do not change editors');
      assert.match(page.text, /Only an administrator changes the editors/);
      const refused = await post(`${TAB}editors`, { user: candidate.id }, editor.cookie);
      assert.equal(refused.statusCode, 403);
      assert.equal(
        (await post(`${TAB}visibility`, { visibility: 'restricted' }, outsider)).statusCode,
        403,
      );
      assert.equal(await reads(), 200);
    });

    test('restricted, then granted to a user and a group, then revoked', async () => {
      const restricted = await post(
        `${TAB}visibility`,
        { visibility: 'restricted' },
        editor.cookie,
      );
      assert.equal(restricted.statusCode, 303);
      assert.equal(restricted.headers.location, `${TAB}?done=visibility`);
      assert.equal(await reads(), 404);
      assert.equal(await reads(user), 404);
      assert.equal(await reads(member), 404);
      assert.equal(await reads(editor.cookie), 200);

      assert.equal((await post(`${TAB}grant`, { grantee: ' USER@example.org ' })).statusCode, 303);
      assert.equal((await post(`${TAB}grant`, { grantee: 'Inspectors' })).statusCode, 303);
      assert.equal(await reads(user), 200);
      assert.equal(await reads(member), 200);
      assert.equal(await reads(), 404);
      const page = parse((await get(`${TAB}?done=granted`, admin)).body);
      assert.match(page.querySelector('#bo-notice')?.text ?? '', /Read access granted/);
      assert.match(page.querySelector(`#grant-${userId}`)?.text ?? '', /user@example\.org/);
      assert.match(page.querySelector(`#grant-${groupId}`)?.text ?? '', /Group \(1 member\)/);

      const revoked = await post(`${TAB}revoke`, { kind: 'group', grantee: groupId });
      assert.equal(revoked.headers.location, `${TAB}?done=revoked`);
      assert.equal(await reads(member), 404);
      assert.equal(await reads(user), 200);
      const again = await post(`${TAB}revoke`, { kind: 'group', grantee: groupId });
      assert.equal(again.headers.location, `${TAB}?done=unchanged`);

      assert.deepEqual((await entries('dataset.visibility'))[0]?.diff, {
        visibility: { before: 'domain', after: 'restricted' },
      });
      assert.equal((await entries('dataset.visibility'))[0]?.userId, editor.id);
      assert.deepEqual(
        (await entries('dataset.grant')).map((e) => e.diff),
        [
          { group: { before: null, after: 'Inspectors' } },
          { user: { before: null, after: 'user@example.org' } },
        ],
      );
      assert.deepEqual(
        (await entries('dataset.revoke')).map((e) => e.diff),
        [{ group: { before: 'Inspectors', after: null } }],
      );
      assert.equal(
        (await entries('dataset.revoke')).length,
        1,
        'a revocation of nothing is not logged',
      );
    });

    test('refused grants and visibility: the message next to the field, what was typed kept', async () => {
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ grantee: '  ' }, 400, /Enter an email address or a group name/],
        [{ grantee: 'nobody@example.org' }, 404, /No account has this email address/],
        [{ grantee: 'Nobody here' }, 404, /No group has this name/],
        [{ grantee: 'user@example.org' }, 409, /already has read access/],
      ];
      for (const [fields, status, message] of cases) {
        const refused = await post(`${TAB}grant`, fields);
        assert.equal(refused.statusCode, status, refused.body.slice(0, 200));
        assert.match(fieldError(refused.body, 'grantee'), message);
        const typed = parse(refused.body).querySelector('#grantee')?.getAttribute('value');
        assert.equal(typed, fields['grantee']!.trim());
      }
      const bad = await post(`${TAB}visibility`, { visibility: 'secret' });
      assert.equal(bad.statusCode, 400);
      assert.match(fieldError(bad.body, 'visibility'), /Choose public or restricted/);
      assert.equal((await portal.engine.metadata.getDataset('docs'))?.visibility, 'restricted');
    });

    test('administrators add and remove editors; the user page shows the same', async () => {
      const before = parse((await get(TAB, admin)).body);
      const rows = before.querySelectorAll('#editors tbody tr').map((row) => row.id);
      assert.deepEqual(rows.sort(), [`editor-${everything.id}`, `editor-${editor.id}`].sort());
      assert.match(before.querySelector(`#editor-${everything.id}`)?.text ?? '', /every dataset/);
      assert.equal(before.querySelector(`#editor-${everything.id} form`), null);
      const options = before.querySelectorAll('#editor option').map((o) => o.getAttribute('value'));
      assert.ok(options.includes(candidate.id));
      assert.ok(!options.includes(editor.id));

      assert.equal((await get('/backoffice/datasets/docs/', candidate.cookie)).statusCode, 403);
      const added = await post(`${TAB}editors`, { user: candidate.id });
      assert.equal(added.headers.location, `${TAB}?done=editorAdded`);
      assert.equal((await get('/backoffice/datasets/docs/', candidate.cookie)).statusCode, 200);
      const account = await portal.services.auth.accounts.findUser(candidate.id);
      assert.deepEqual(account.editableDatasets.sort(), ['docs', 'other']);
      const userPage = parse((await get(`/backoffice/users/${candidate.id}/`, admin)).body);
      const docsBox = userPage
        .querySelectorAll('input[name="datasets"]')
        .find((input) => input.getAttribute('value') === 'docs');
      assert.equal(docsBox?.getAttribute('checked'), '');

      const refused = await post(`${TAB}editors`, { user: everything.id });
      assert.equal(refused.statusCode, 400);
      assert.match(fieldError(refused.body, 'editor'), /Choose an editor account/);
      assert.equal((await post(`${TAB}editors`, { user: userId })).statusCode, 400);

      const removed = await post(`${TAB}editors/remove`, { user: candidate.id });
      assert.equal(removed.headers.location, `${TAB}?done=editorRemoved`);
      assert.equal((await get('/backoffice/datasets/docs/', candidate.cookie)).statusCode, 403);
      assert.deepEqual(
        (await portal.services.auth.accounts.findUser(candidate.id)).editableDatasets,
        ['other'],
      );
      assert.deepEqual((await entries('dataset.editor_add'))[0]?.diff, {
        editor: { before: null, after: 'candidate@example.org' },
      });
      assert.deepEqual((await entries('dataset.editor_remove'))[0]?.diff, {
        editor: { before: 'candidate@example.org', after: null },
      });
      const log = parse((await get('/backoffice/activity/?dataset=docs', admin)).body);
      assert.match(log.text, /Editor removed/);
      assert.match(log.text, /Read access granted/);
    });
  });
}
