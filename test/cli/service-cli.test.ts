// The third-party service commands, run as an administrator would; the portal built on the
// same store then holds the services back behind its consent banner.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { runCli } from '../helpers/run-cli.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

describe('the service commands', () => {
  let home: string;
  let env: Record<string, string>;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'datagora-cli-services-'));
    env = { DATAGORA_HOME: join(home, 'store') };
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  const video = [
    'service',
    'add',
    'video-host',
    '--kind',
    'iframe',
    '--url',
    'https://video.example.org/embed/42',
    '--name',
    'Video Host',
    '--provider',
    'Video Company',
    '--purpose-fr',
    'Vidéo de présentation',
    '--purpose-en',
    'Introduction video',
    '--cookie',
    'vh_id:31536000',
    '--cookie',
    'vh_session:session',
  ];

  test('add, list and remove a service', () => {
    const added = runCli(video, env);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /^Saved video-host \(iframe, third-party\)\./);
    const listed = runCli(['service', 'list'], env);
    assert.equal(
      listed.stdout,
      'video-host\tiframe\tthird-party\thttps://video.example.org/embed/42\tcookies: vh_id,vh_session\n',
    );
  });

  test('the portal shows the declared service behind its banner', async () => {
    const portal = await startTestPortal({ home: env.DATAGORA_HOME });
    try {
      const page = await portal.app.inject({ url: '/', headers: { 'accept-language': 'en' } });
      assert.match(page.body, /id="consent-banner"/);
      assert.match(page.body, /data-consent-service="video-host"/);
      const policy = await portal.app.inject({
        url: '/cookies/',
        headers: { 'accept-language': 'en' },
      });
      assert.match(policy.body, /<code>vh_id<\/code>/);
      assert.match(policy.body, /End of the browsing session/);
    } finally {
      await portal.close();
    }
  });

  test('bad declarations and unknown ids fail with a message', () => {
    const badUrl = runCli([...video.slice(0, 5), '--url', 'ftp://x', ...video.slice(7)], env);
    assert.equal(badUrl.status, 1);
    assert.match(badUrl.stderr, /must be an http\(s\) URL/);
    const badCookie = runCli([...video, '--cookie', 'nolifetime'], env);
    assert.equal(badCookie.status, 2);
    assert.match(badCookie.stderr, /write NAME:SECONDS/);
    const missing = runCli(['service', 'add', 'x', '--kind', 'script'], env);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /needs --url/);
    const unknown = runCli(['service', 'remove', 'nope'], env);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Unknown third-party service: nope/);
    const removed = runCli(['service', 'remove', 'video-host'], env);
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(runCli(['service', 'list'], env).stdout, '');
  });
});
