// The back office's users and groups pages over real HTTP (SQLite): administrators only, CSRF on
// every form, refusals with the message next to the field and the typed values, and each action
// landing in the store — create (typed or generated password), search, edit, reset, delete (never
// the last administrator, never oneself), groups and their members.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { en } from '../../src/i18n/messages/en.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { STAFF_PASSWORD, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const USERS = '/backoffice/users/';
const GROUPS = '/backoffice/groups/';

for (const engine of TEST_ENGINES)
  describe(`the back office users and groups pages (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';

    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
      ({ admin, user } = await staffSessions(portal));
    });
    after(async () => portal?.close());

    const accounts = () => portal.services.auth.accounts;
    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(
      url: string,
      fields: Record<string, string> | [string, string][],
      session = admin,
      withToken = true,
    ) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
      const body = new URLSearchParams(pairs);
      if (withToken) body.append('csrfmiddlewaretoken', csrf.token);
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
        payload: body.toString(),
      });
    }

    test('anonymous visitors sign in first; other accounts get a 403 and change nothing', async () => {
      for (const page of [USERS, GROUPS]) {
        assert.equal(
          (await get(page)).headers.location,
          `/login/?next=${encodeURIComponent(page)}`,
        );
        assert.equal((await get(page, user)).statusCode, 403);
      }
      const refused = await post(USERS, { email: 'x@example.org', role: 'admin' }, user);
      assert.equal(refused.statusCode, 403);
      const group = await post(GROUPS, { name: 'Sneaky' }, user);
      assert.equal(group.statusCode, 403);
      assert.equal((await accounts().listGroups()).length, 0);
      assert.equal((await accounts().listUsers()).length, 2);
    });

    test('a form without its CSRF token is refused', async () => {
      const response = await post(
        USERS,
        { email: 'nocsrf@example.org', role: 'user' },
        admin,
        false,
      );
      assert.equal(response.statusCode, 403);
      assert.equal((await accounts().listUsers()).length, 2);
      const group = await post(GROUPS, { name: 'No token' }, admin, false);
      assert.equal(group.statusCode, 403);
    });

    test('a bad new account comes back with each message by its field, values kept', async () => {
      const response = await post(USERS, {
        email: 'not an address',
        name: 'Nina',
        role: 'editor',
        password: 'short',
      });
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#new-user-email-error')?.text, en['bo.users.error.email']);
      assert.match(html.querySelector('#new-user-password-error')!.text, /12 to 1,024/);
      assert.equal(html.querySelector('#new-user-email')?.getAttribute('value'), 'not an address');
      assert.equal(html.querySelector('#new-user-name')?.getAttribute('value'), 'Nina');
      assert.ok(html.querySelector('#new-user-role option[value="editor"][selected]'));
      assert.equal(html.querySelector('#new-user-password')?.getAttribute('value'), '');
      const taken = await post(USERS, { email: 'USER@example.org', role: 'user' });
      assert.equal(taken.statusCode, 400);
      assert.equal(
        parse(taken.body).querySelector('#new-user-email-error')?.text,
        en['bo.users.error.emailTaken'],
      );
    });

    test('an account created without a password gets one, shown once, that signs in', async () => {
      const response = await post(USERS, {
        email: 'Nina@Example.org',
        name: 'Nina',
        role: 'editor',
      });
      assert.equal(response.statusCode, 201);
      assert.equal(response.headers['cache-control'], 'no-store');
      const password = parse(response.body).querySelector('#new-password')?.text ?? '';
      assert.match(password, /^[A-Za-z0-9]{20}$/);
      const nina = await accounts().findUser('nina@example.org');
      assert.equal(nina.role, 'editor');
      await portal.services.auth.auth.checkPassword('nina@example.org', password, '127.0.0.1');
      const page = await get(`${USERS}${nina.id}/`, admin);
      assert.doesNotMatch(page.body, new RegExp(password));
    });

    test('an account created with a typed password signs in with it', async () => {
      const response = await post(USERS, {
        email: 'omar@example.org',
        name: 'Omar',
        role: 'user',
        password: STAFF_PASSWORD,
      });
      assert.equal(response.statusCode, 201);
      assert.equal(parse(response.body).querySelector('#new-password'), null);
      await portal.services.auth.auth.checkPassword(
        'omar@example.org',
        STAFF_PASSWORD,
        '127.0.0.2',
      );
    });

    test('the list searches by name or email, filters by role and pages', async () => {
      const found = parse((await get(`${USERS}?q=nin`, admin)).body);
      assert.deepEqual(
        found.querySelectorAll('#users tbody td:nth-child(2)').map((td) => td.text),
        ['nina@example.org'],
      );
      const admins = parse((await get(`${USERS}?role=admin`, admin)).body);
      assert.deepEqual(
        admins.querySelectorAll('#users tbody td:nth-child(2)').map((td) => td.text),
        ['admin@example.org'],
      );
      for (let i = 0; i < 21; i++) {
        await portal.engine.accounts.createUser({
          email: `bulk${String(i).padStart(2, '0')}@example.org`,
          name: `Bulk ${i}`,
          passwordHash: 'x',
          role: 'user',
        });
      }
      const first = parse((await get(`${USERS}?q=bulk`, admin)).body);
      assert.equal(first.querySelectorAll('#users tbody tr').length, 20);
      const second = parse((await get(`${USERS}?q=bulk&page=2`, admin)).body);
      assert.equal(second.querySelectorAll('#users tbody tr').length, 1);
      assert.ok(first.querySelector('.fr-pagination a[href*="page=2"]'));
      assert.ok(parse((await get(`${USERS}?q=nobody`, admin)).body).querySelector('#users-none'));
    });

    test('an edit sets name, role, editable datasets and groups; a bad one is marked', async () => {
      const nina = await accounts().findUser('nina@example.org');
      const group = await accounts().createGroup('Inspectors');
      const datasetId = (await portal.engine.metadata.listDatasets())[0]!.id;
      const bad = await post(`${USERS}${nina.id}/`, [
        ['name', ' '],
        ['role', 'editor'],
        ['datasetsScope', 'list'],
        ['datasets', 'no-such-dataset'],
        ['groups', group.id],
      ]);
      assert.equal(bad.statusCode, 400);
      const html = parse(bad.body);
      assert.equal(html.querySelector('#user-name-error')?.text, en['bo.error.required']);
      assert.equal(html.querySelector('#user-datasets-error')?.text, en['bo.error.choice']);
      assert.ok(html.querySelector(`#user-groups input[value="${group.id}"][checked]`));
      const saved = await post(`${USERS}${nina.id}/`, [
        ['name', 'Nina Simone'],
        ['role', 'editor'],
        ['datasetsScope', 'list'],
        ['datasets', datasetId],
        ['groups', group.id],
      ]);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${USERS}${nina.id}/?done=saved`);
      const after = await accounts().findUser(nina.id);
      assert.equal(after.name, 'Nina Simone');
      assert.deepEqual(after.editableDatasets, [datasetId]);
      assert.equal(after.editsAllDatasets, false);
      assert.deepEqual(after.groupIds, [group.id]);
      const cleared = await post(`${USERS}${nina.id}/`, [
        ['name', 'Nina Simone'],
        ['role', 'editor'],
        ['datasetsScope', 'all'],
      ]);
      assert.equal(cleared.statusCode, 303);
      const again = await accounts().findUser(nina.id);
      assert.equal(again.editsAllDatasets, true);
      assert.deepEqual(again.groupIds, []);
    });

    test('the last administrator keeps the role and the account', async () => {
      const me = await accounts().findUser('admin@example.org');
      const demoted = await post(`${USERS}${me.id}/`, {
        name: 'Admin',
        role: 'user',
        datasetsScope: 'all',
      });
      assert.equal(demoted.statusCode, 400);
      assert.equal(
        parse(demoted.body).querySelector('#user-role-error')?.text,
        en['bo.users.error.lastAdmin'],
      );
      assert.equal((await accounts().findUser(me.id)).role, 'admin');
      const own = await post(`${USERS}${me.id}/delete`, { confirm: 'yes' });
      assert.equal(own.statusCode, 409);
      assert.equal(
        parse(own.body).querySelector('#delete-confirm-error')?.text,
        en['bo.user.deleteOwn'],
      );
      await accounts().findUser(me.id);
    });

    test('a password reset shows a new password once and ends the sessions', async () => {
      const omar = await accounts().findUser('omar@example.org');
      const session = await portal.services.auth.auth.renewSession(omar);
      const response = await post(`${USERS}${omar.id}/password`, {});
      assert.equal(response.statusCode, 200);
      const password = parse(response.body).querySelector('#new-password')?.text ?? '';
      assert.match(password, /^[A-Za-z0-9]{20}$/);
      assert.equal(await portal.services.auth.sessions.resume(session.key), null);
      await portal.services.auth.auth.checkPassword('omar@example.org', password, '127.0.0.3');
    });

    test('deleting needs the confirmation, then the account is gone', async () => {
      const omar = await accounts().findUser('omar@example.org');
      const unconfirmed = await post(`${USERS}${omar.id}/delete`, {});
      assert.equal(unconfirmed.statusCode, 400);
      assert.equal(
        parse(unconfirmed.body).querySelector('#delete-confirm-error')?.text,
        en['bo.user.deleteUnconfirmed'],
      );
      const deleted = await post(`${USERS}${omar.id}/delete`, { confirm: 'yes' });
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, `${USERS}?done=deleted`);
      await assert.rejects(accounts().findUser(omar.id));
      assert.equal((await get(`${USERS}${omar.id}/`, admin)).statusCode, 404);
    });

    test('groups are created, renamed, given members, emptied and deleted', async () => {
      const empty = await post(GROUPS, { name: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.equal(
        parse(empty.body).querySelector('#new-group-name-error')?.text,
        en['bo.groups.error.name'],
      );
      const created = await post(GROUPS, { name: 'Labs' });
      assert.equal(created.statusCode, 303);
      const labs = await accounts().findGroup('Labs');
      assert.equal(created.headers.location, `${GROUPS}${labs.id}/?done=created`);
      const taken = await post(GROUPS, { name: 'Labs' });
      assert.equal(taken.statusCode, 409);
      assert.equal(
        parse(taken.body).querySelector('#new-group-name')?.getAttribute('value'),
        'Labs',
      );
      const renamed = await post(`${GROUPS}${labs.id}/`, { name: 'Laboratories' });
      assert.equal(renamed.statusCode, 303);
      assert.equal((await accounts().findGroup(labs.id)).name, 'Laboratories');
      const unknown = await post(`${GROUPS}${labs.id}/members`, { email: 'ghost@example.org' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(
        parse(unknown.body).querySelector('#member-email-error')?.text,
        en['bo.group.error.unknownUser'],
      );
      const added = await post(`${GROUPS}${labs.id}/members`, { email: 'User@example.org' });
      assert.equal(added.statusCode, 303);
      const plain = await accounts().findUser('user@example.org');
      assert.deepEqual((await accounts().findGroup(labs.id)).memberIds, [plain.id]);
      const page = parse((await get(`${GROUPS}${labs.id}/`, admin)).body);
      assert.match(page.querySelector('#members')!.text, /user@example\.org/);
      const list = parse((await get(GROUPS, admin)).body);
      assert.match(list.querySelector(`#group-row-${labs.id}`)!.text, /Laboratories\s*1/);
      await post(`${GROUPS}${labs.id}/members/remove`, { user: plain.id });
      assert.deepEqual((await accounts().findGroup(labs.id)).memberIds, []);
      assert.equal((await post(`${GROUPS}${labs.id}/delete`, {})).statusCode, 400);
      const deleted = await post(`${GROUPS}${labs.id}/delete`, { confirm: 'yes' });
      assert.equal(deleted.statusCode, 303);
      await assert.rejects(accounts().findGroup(labs.id));
    });

    test('every action is in the activity log, with who and a diff, never a password', async () => {
      const { entries } = await portal.engine.metadata.listActivity({ limit: 500, offset: 0 });
      const me = await accounts().findUser('admin@example.org');
      const actions = new Set(entries.map((entry) => entry.action));
      for (const action of [
        'user.create',
        'user.update',
        'user.password_reset',
        'user.delete',
        'group.create',
        'group.rename',
        'group.member_add',
        'group.member_remove',
        'group.delete',
      ]) {
        assert.ok(actions.has(action), action);
      }
      assert.ok(entries.every((entry) => entry.userId === me.id && entry.datasetId === null));
      const update = entries.find((e) => e.action === 'user.update' && e.diff?.['name']);
      assert.deepEqual(update?.diff?.['name'], { before: 'Nina', after: 'Nina Simone' });
      assert.deepEqual(update?.diff?.['email'], {
        before: 'nina@example.org',
        after: 'nina@example.org',
      });
      const renamed = entries.find((e) => e.action === 'group.rename');
      assert.deepEqual(renamed?.diff?.['group'], { before: 'Labs', after: 'Laboratories' });
      assert.doesNotMatch(JSON.stringify(entries), /password"|correct horse/);
      const page = await get('/backoffice/activity/?action=group.rename', admin);
      assert.equal(page.statusCode, 200);
      const html = parse(page.body);
      assert.ok(html.querySelector('#activity-action option[value="group.rename"][selected]'));
      assert.match(html.text, new RegExp(en['bo.action.group.rename']));
      assert.match(html.text, /Laboratories/);
    });

    test('the back office menu lists the new sections', async () => {
      const html = parse((await get(USERS, admin)).body);
      for (const path of [USERS, GROUPS, '/backoffice/api-keys/']) {
        assert.ok(html.querySelector(`.fr-sidemenu a[href="${path}"]`), path);
      }
      assert.equal(
        html.querySelector('.fr-sidemenu a[aria-current="page"]')?.getAttribute('href'),
        USERS,
      );
    });
  });
