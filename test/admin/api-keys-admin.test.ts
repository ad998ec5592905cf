// The back office's API keys page over real HTTP (SQLite): every signed-in user manages their own
// keys there (the key shown once, working on the API, revocable); administrators see and revoke
// every key; a bad expiry is marked by its field; CSRF is required.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { en } from '../../src/i18n/messages/en.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/api-keys/';

for (const engine of TEST_ENGINES)
  describe(`the back office API keys page (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';

    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
      ({ admin, user } = await staffSessions(portal));
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
      token = true,
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
        payload: token ? formWithToken(fields, csrf.token) : new URLSearchParams(fields).toString(),
      });
    }

    const keysOf = async (email: string) => {
      const owner = await portal.services.auth.accounts.findUser(email);
      return portal.services.auth.apiKeys.list(owner.id);
    };

    test('anonymous visitors sign in first; a form without a token is refused', async () => {
      assert.equal((await get(PAGE)).headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      const refused = await post(PAGE, { label: 'x', scope: 'read' }, user, false);
      assert.equal(refused.statusCode, 403);
      assert.equal((await keysOf('user@example.org')).length, 0);
    });

    test('the account page links here', async () => {
      const html = parse((await get('/account/', user)).body);
      assert.ok(html.querySelector(`a[href="${PAGE}"]`));
    });

    test('a bad expiry comes back marked, the label and scope kept', async () => {
      const response = await post(
        PAGE,
        { label: 'ETL', scope: 'write', expires: '2020-01-01' },
        user,
      );
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#key-expires-error')?.text, en['bo.keys.error.past']);
      assert.equal(html.querySelector('#key-label')?.getAttribute('value'), 'ETL');
      assert.ok(html.querySelector('#key-scope option[value="write"][selected]'));
      assert.equal((await keysOf('user@example.org')).length, 0);
    });

    test('a user creates a key, shown once, that works on the API, then revokes it', async () => {
      const created = await post(PAGE, { label: 'Notebook', scope: 'read', expires: '' }, user);
      assert.equal(created.statusCode, 201);
      assert.equal(created.headers['cache-control'], 'no-store');
      const key = parse(created.body).querySelector('#new-api-key')?.text ?? '';
      assert.match(key, /^[a-z0-9]{48}$/);
      const api = await portal.app.inject({
        url: '/api/explore/v2.1/catalog/datasets',
        headers: { host: HOST, authorization: `Apikey ${key}` },
      });
      assert.equal(api.statusCode, 200);
      const page = await get(PAGE, user);
      assert.doesNotMatch(page.body, new RegExp(key));
      const [stored] = await keysOf('user@example.org');
      assert.equal(stored?.label, 'Notebook');
      assert.ok(stored?.lastUsedAt, 'the API call was recorded');
      const revoked = await post(`${PAGE}${stored!.id}/revoke`, {}, user);
      assert.equal(revoked.statusCode, 303);
      assert.equal(revoked.headers.location, `${PAGE}?done=revoked`);
      const refused = await portal.app.inject({
        url: '/api/explore/v2.1/catalog/datasets',
        headers: { host: HOST, authorization: `Apikey ${key}` },
      });
      assert.equal(refused.statusCode, 401);
    });

    test('a user sees only their keys and cannot revoke another’s; an admin sees and revokes all', async () => {
      await post(PAGE, { label: 'Admin key', scope: 'write', expires: '2099-12-31' }, admin);
      const [adminKey] = await keysOf('admin@example.org');
      assert.equal(adminKey?.expiresAt, '2099-12-31T23:59:59.999Z');
      const userPage = parse((await get(PAGE, user)).body);
      assert.equal(userPage.querySelector(`#key-row-${adminKey!.id}`), null);
      assert.equal(userPage.querySelectorAll('.fr-sidemenu a').length, 1, 'only this section');
      const stolen = await post(`${PAGE}${adminKey!.id}/revoke`, {}, user);
      assert.equal(stolen.statusCode, 404);
      assert.equal((await keysOf('admin@example.org'))[0]?.revokedAt, null);
      await post(PAGE, { label: 'Second', scope: 'read', expires: '' }, user);
      const adminPage = parse((await get(PAGE, admin)).body);
      const userKey = (await keysOf('user@example.org')).find((k) => k.label === 'Second')!;
      assert.match(adminPage.querySelector(`#key-row-${userKey.id}`)!.text, /user@example\.org/);
      const revoked = await post(`${PAGE}${userKey.id}/revoke`, {}, admin);
      assert.equal(revoked.statusCode, 303);
      assert.ok((await keysOf('user@example.org')).find((k) => k.id === userKey.id)?.revokedAt);
      const log = await portal.engine.metadata.listActivity({ limit: 500, offset: 0 });
      const revocation = log.entries.find(
        (e) => e.action === 'api_key.revoke' && e.diff?.['key']?.after === userKey.id,
      );
      const me = await portal.services.auth.accounts.findUser('admin@example.org');
      assert.equal(revocation?.userId, me.id, 'the administrator who revoked it');
      const creations = log.entries.filter((e) => e.action === 'api_key.create');
      assert.equal(creations.length, 3);
      // The key itself is never logged.
      assert.ok(creations.every((e) => !JSON.stringify(e.diff).match(/[a-z0-9]{48}/)));
    });
  });
