// The AccountStore contract, on both engines: users, groups, grants, sessions, API keys and
// sign-in failures.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function rejectsWith(code: string) {
  return (error: unknown) => isPortalError(error) && error.code === code;
}

for (const engineName of TEST_ENGINES) {
  describe(`accounts on ${engineName}`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine: engineName });
      await portal.engine.metadata.saveDataset({ id: 'closed', metas: emptyMetas('Closed') });
      await portal.engine.metadata.saveDataset({ id: 'other', metas: emptyMetas('Other') });
    });
    after(() => portal.close());
    const store = () => portal.engine.accounts;
    const newUser = (email: string) =>
      store().createUser({ email, name: email, passwordHash: `hash-${email}`, role: 'user' });

    test('a user is created, found by email with its hash, listed, changed', async () => {
      const user = await store().createUser({
        email: 'ann@example.org',
        name: 'Ann',
        passwordHash: 'h1',
        role: 'admin',
      });
      assert.match(user.id, /^us_[a-z0-9]{16}$/);
      assert.equal(user.role, 'admin');
      assert.match(user.createdAt, ISO_UTC);
      assert.equal(user.lastLoginAt, null);
      assert.deepEqual(user.groupIds, []);
      const login = await store().findLogin('ann@example.org');
      assert.equal(login?.passwordHash, 'h1');
      assert.deepEqual(login?.user, user);
      assert.equal(await store().findLogin('nobody@example.org'), null);
      assert.deepEqual(await store().findLoginById(user.id), login);
      assert.equal(await store().findLoginById('us_missing'), null);
      const changed = await store().updateUser(user.id, { name: 'Ann B.', role: 'editor' });
      assert.equal(changed.name, 'Ann B.');
      assert.equal(changed.role, 'editor');
      assert.ok((await store().listUsers()).some((u) => u.id === user.id));
      await assert.rejects(newUser('ann@example.org'), rejectsWith('DG_ERR_ACCOUNT_EMAIL_TAKEN'));
      await assert.rejects(
        store().updateUser('us_missing', { name: 'x' }),
        rejectsWith('DG_ERR_ACCOUNT_NOT_FOUND'),
      );
    });

    test('an editor gets a list of datasets; an unknown dataset is refused', async () => {
      const bob = await newUser('bob@example.org');
      await store().setEditableDatasets(bob.id, ['closed']);
      assert.deepEqual((await store().getUser(bob.id))?.editableDatasets, ['closed']);
      await assert.rejects(
        store().setEditableDatasets(bob.id, ['closed', 'nope']),
        rejectsWith('DG_ERR_DATASET_NOT_FOUND'),
      );
      assert.deepEqual((await store().getUser(bob.id))?.editableDatasets, ['closed']);
    });

    test('groups hold members; grants show on the dataset and go with the grantee', async () => {
      const cat = await newUser('cat@example.org');
      const group = await store().createGroup('Inspectors');
      await assert.rejects(
        store().createGroup('Inspectors'),
        rejectsWith('DG_ERR_GROUP_NAME_TAKEN'),
      );
      await store().addMember(group.id, cat.id);
      await store().addMember(group.id, cat.id);
      assert.deepEqual((await store().findGroupByName('Inspectors'))?.memberIds, [cat.id]);
      assert.deepEqual((await store().getUser(cat.id))?.groupIds, [group.id]);
      await store().grant('closed', { kind: 'group', id: group.id });
      await store().grant('closed', { kind: 'user', id: cat.id });
      await assert.rejects(
        store().grant('nope', { kind: 'user', id: cat.id }),
        rejectsWith('DG_ERR_DATASET_NOT_FOUND'),
      );
      const closed = await portal.engine.metadata.getDataset('closed');
      assert.deepEqual(closed?.access, { userIds: [cat.id], groupIds: [group.id] });
      const listed = (await portal.engine.metadata.listDatasets()).find((d) => d.id === 'closed');
      assert.deepEqual(listed?.access, closed?.access);
      await store().deleteGroup(group.id);
      await store().deleteUser(cat.id);
      assert.deepEqual((await portal.engine.metadata.getDataset('closed'))?.access, {
        userIds: [],
        groupIds: [],
      });
      assert.equal(await store().getUser(cat.id), null);
    });

    test('a group is renamed, unless another one has the name', async () => {
      const first = await store().createGroup('Vets');
      await store().createGroup('Labs');
      const renamed = await store().renameGroup(first.id, 'Veterinarians');
      assert.equal(renamed.name, 'Veterinarians');
      assert.equal((await store().findGroupByName('Veterinarians'))?.id, first.id);
      await assert.rejects(
        store().renameGroup(first.id, 'Labs'),
        rejectsWith('DG_ERR_GROUP_NAME_TAKEN'),
      );
      await assert.rejects(
        store().renameGroup('gr_missing', 'Other'),
        rejectsWith('DG_ERR_GROUP_NOT_FOUND'),
      );
    });

    test('sessions are kept, ended one by one, for a user, by a new password, by expiry', async () => {
      const dan = await newUser('dan@example.org');
      const session = (key: string, expiresAt = '2099-01-01T00:00:00.000Z') => ({
        key,
        userId: dan.id,
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt,
        authStamp: 'stamp',
      });
      await store().createSession(session('k1'));
      await store().createSession(session('k2'));
      await store().createSession(session('k3'));
      await store().createSession(session('old', '2020-01-01T00:00:00.000Z'));
      assert.deepEqual(await store().getSession('k1'), session('k1'));
      await store().deleteSession('k1');
      assert.equal(await store().getSession('k1'), null);
      assert.equal(await store().purgeExpiredSessions('2026-06-01T00:00:00.000Z'), 1);
      await store().deleteSessionsOf(dan.id, 'k2');
      assert.ok(await store().getSession('k2'));
      assert.equal(await store().getSession('k3'), null);
      await store().setPasswordHash(dan.id, 'new-hash');
      assert.equal(await store().getSession('k2'), null);
      assert.equal((await store().findLogin('dan@example.org'))?.passwordHash, 'new-hash');
    });

    test('API keys are found by hash, listed per user, revoked once, touched', async () => {
      const eve = await newUser('eve@example.org');
      const key = await store().createApiKey({
        userId: eve.id,
        keyHash: 'hash-of-key',
        prefix: 'abcd',
        label: 'script',
        scope: 'read',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      assert.match(key.id, /^ak_/);
      assert.equal(key.scope, 'read');
      assert.equal(key.expiresAt, '2099-01-01T00:00:00.000Z');
      assert.deepEqual(await store().findApiKey('hash-of-key'), key);
      assert.equal(await store().findApiKey('other'), null);
      assert.deepEqual(await store().listApiKeys(eve.id), [key]);
      await store().touchApiKey(key.id, '2026-02-01T00:00:00.000Z');
      await store().revokeApiKey(key.id, '2026-03-01T00:00:00.000Z');
      await store().revokeApiKey(key.id, '2026-04-01T00:00:00.000Z');
      const after = await store().getApiKey(key.id);
      assert.equal(after?.lastUsedAt, '2026-02-01T00:00:00.000Z');
      assert.equal(after?.revokedAt, '2026-03-01T00:00:00.000Z');
    });

    test('sign-in failures are counted per bucket within a window, cleared, purged', async () => {
      await store().recordLoginFailure(['acct:x', 'ip:1'], '2026-01-01T00:00:00.000Z');
      await store().recordLoginFailure(['acct:x'], '2026-01-01T00:10:00.000Z');
      assert.equal(await store().countLoginFailures('acct:x', '2026-01-01T00:00:00.000Z'), 2);
      assert.equal(await store().countLoginFailures('acct:x', '2026-01-01T00:05:00.000Z'), 1);
      assert.equal(await store().countLoginFailures('ip:1', '2026-01-01T00:00:00.000Z'), 1);
      await store().clearLoginFailures('acct:x');
      assert.equal(await store().countLoginFailures('acct:x', '2020-01-01T00:00:00.000Z'), 0);
      await store().purgeLoginFailures('2026-01-02T00:00:00.000Z');
      assert.equal(await store().countLoginFailures('ip:1', '2020-01-01T00:00:00.000Z'), 0);
    });
  });
}
