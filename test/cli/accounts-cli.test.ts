// The account commands, run as a user would: users, groups, API keys, grants; then the portal
// built on the same store accepts what they made.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { BIN, PROJECT_ROOT, runCli } from '../helpers/run-cli.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

describe('the account commands', () => {
  let home: string;
  let env: Record<string, string>;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'datagora-cli-accounts-'));
    env = { DATAGORA_HOME: join(home, 'store'), DATAGORA_PASSWORD: 'a long enough secret' };
    writeFileSync(join(home, 'small.csv'), 'name;n\r\na;1\r\nb;2\r\n');
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  test('user create makes the first administrator; the same address twice fails', () => {
    const created = runCli(['user', 'create', 'Admin@Example.org', '--admin'], env);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /^Created admin admin@example\.org \(us_[a-z0-9]{16}\)\.\n$/);
    const again = runCli(['user', 'create', 'admin@example.org'], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  });

  test('the password may come from piped input; bad input is refused with a message', () => {
    const piped = spawnSync(process.execPath, [BIN, 'user', 'create', 'reader@example.org'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      input: 'typed at the prompt\n',
      env: { ...process.env, DATAGORA_LOG_LEVEL: 'silent', DATAGORA_HOME: env.DATAGORA_HOME },
    });
    assert.equal(piped.status, 0, piped.stderr);
    const short = runCli(['user', 'create', 'x@example.org'], {
      ...env,
      DATAGORA_PASSWORD: 'short',
    });
    assert.equal(short.status, 1);
    assert.match(short.stderr, /12 to 1024 characters/);
    const notEmail = runCli(['user', 'create', 'nobody'], env);
    assert.equal(notEmail.status, 1);
    assert.match(notEmail.stderr, /not an email address/);
    const badRole = runCli(['user', 'create', 'y@example.org', '--role', 'king'], env);
    assert.equal(badRole.status, 1);
    assert.match(badRole.stderr, /Unknown role "king"/);
    for (const args of [['user'], ['user', 'create'], ['apikey'], ['grant', 'x'], ['group']]) {
      assert.equal(runCli(args, env).status, 2, args.join(' '));
    }
  });

  test('user list and user role show and change roles', () => {
    const imported = runCli(['import', join(home, 'small.csv'), '--id', 'small'], env);
    assert.equal(imported.status, 0, imported.stderr);
    const role = runCli(
      ['user', 'role', 'reader@example.org', 'editor', '--datasets', 'small'],
      env,
    );
    assert.equal(role.status, 0, role.stderr);
    assert.match(role.stdout, /reader@example\.org\treader\teditor \(small\)/);
    const unknown = runCli(
      ['user', 'role', 'reader@example.org', 'editor', '--datasets', 'zz'],
      env,
    );
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Unknown dataset: zz/);
    const listed = runCli(['user', 'list'], env);
    assert.match(listed.stdout, /admin@example\.org\tadmin\tadmin/);
    assert.match(listed.stdout, /reader@example\.org/);
  });

  test('groups, grants and restriction; the API key works against the portal', async () => {
    assert.equal(runCli(['user', 'create', 'member@example.org'], env).status, 0);
    assert.equal(runCli(['group', 'create', 'Inspectors'], env).status, 0);
    assert.equal(runCli(['group', 'add', 'Inspectors', 'member@example.org'], env).status, 0);
    assert.match(runCli(['group', 'list'], env).stdout, /Inspectors\t1 members/);
    assert.equal(runCli(['restrict', 'small'], env).status, 0);
    assert.equal(runCli(['grant', 'small', 'Inspectors'], env).status, 0);
    assert.equal(runCli(['grant', 'small', 'Nobody'], env).status, 1);
    const created = runCli(['apikey', 'create', 'member@example.org', '--label', 'script'], env);
    assert.equal(created.status, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^[a-z0-9]{48}$/);
    assert.match(created.stderr, /shown only now/);
    const listed = runCli(['apikey', 'list', 'member@example.org'], env);
    assert.match(listed.stdout, new RegExp(`${key.slice(0, 8)}…\\tread\\tscript\\texpires never`));
    assert.ok(!listed.stdout.includes(key), 'the key itself is never listed');

    let portal: TestPortal | undefined = await startTestPortal({ home: env.DATAGORA_HOME });
    try {
      const url = '/api/explore/v2.1/catalog/datasets/small';
      const withKey = await portal.app.inject({ url, headers: { authorization: `apikey ${key}` } });
      assert.equal(withKey.statusCode, 200, 'the group member reads the restricted dataset');
      const anonymous = await portal.app.inject({ url });
      assert.equal(anonymous.statusCode, 404, 'others do not see it');
      const unknown = await portal.app.inject({ url, headers: { authorization: 'Apikey nope' } });
      assert.equal(unknown.statusCode, 401);
    } finally {
      await portal.close();
      portal = undefined;
    }
    const keyId = /ak_[a-z0-9]{16}/.exec(listed.stdout)?.[0] ?? '';
    assert.equal(runCli(['apikey', 'revoke', keyId], env).status, 0);
    assert.match(runCli(['apikey', 'list'], env).stdout, /revoked 20/);
    assert.equal(runCli(['apikey', 'revoke', 'ak_unknown'], env).status, 1);
  });
});
