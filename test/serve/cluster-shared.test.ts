// Two serving processes on one SQLite file (`DATAGORA_PROCESSES=2`, src/main.ts as `npm start`
// runs it) share what is not in the file through their primary: a settings or consent change
// saved through one worker shows on the other at its very next request, and the day's unique
// visitors are counted once whichever worker saw them. Which worker answers a connection is the
// primary's choice (in turn): every request goes on a new connection, and all answers are checked.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { AudienceService } from '../../src/analytics/index.ts';
import { authServices } from '../../src/auth/index.ts';
import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';
import type { PortalProcess } from '../multiprocess/portal-process.ts';
import {
  CookieJar,
  formFields,
  pageToken,
  startPortalProcess,
} from '../multiprocess/portal-process.ts';

const home = mkdtempSync(join(tmpdir(), 'datagora-cluster-'));
const PASSWORD = 'correct horse battery staple';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** Enough new connections for each worker to answer several. */
const ROUNDS = 8;

let portal: PortalProcess;
const admin = new CookieJar();

/** A GET on a connection of its own (never a kept-alive one), so any worker may answer it. */
function freshGet(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close', ...headers } });
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: ${body}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The answers to ROUNDS requests for `path`, made by a client that is not a visitor. */
async function answers(path: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bodies.push(await freshGet(`${portal.url}${path}`, { 'user-agent': 'curl/8.5.0' }));
  }
  return bodies;
}

before(async () => {
  const engine = await openSqliteEngine({ path: join(home, 'datagora.sqlite'), readers: 1 });
  await authServices(engine.accounts, engine.metadata).accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: PASSWORD,
    role: 'admin',
  });
  await engine.close();
  portal = await startPortalProcess('cluster', {
    DATAGORA_HOME: home,
    DATAGORA_DEMO: 'false',
    DATAGORA_PROCESSES: '2',
    // Visitors are told apart by the address a proxy forwards.
    DATAGORA_TRUST_PROXY: '1',
  });
  const login = await admin.fetch(`${portal.url}/login/`);
  const signedIn = await admin.post(`${portal.url}/login/`, [
    ['csrfmiddlewaretoken', pageToken(await login.text())],
    ['email', 'admin@example.org'],
    ['password', PASSWORD],
    ['next', '/backoffice/'],
  ]);
  assert.equal(signedIn.status, 303);
});

after(async () => {
  await portal?.kill();
  rmSync(home, { recursive: true, force: true });
});

test('two workers serve the port', () => {
  const out = execFileSync('ps', ['--ppid', String(portal.child.pid), '-o', 'args='], {
    encoding: 'utf8',
  });
  assert.equal(out.split('\n').filter((line) => line.includes('src/main.ts')).length, 2);
});

test('the workers start with a fixed mmap threshold (config/worker-allocator.ts)', () => {
  // The primary's other children (tsx's esbuild service) are not serving processes.
  const pids = execFileSync('ps', ['--ppid', String(portal.child.pid), '-o', 'pid=,args='], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((line) => line.includes('src/main.ts'))
    .map((line) => line.trim().split(' ')[0]!);
  assert.equal(pids.length, 2);
  const threshold = process.env['MALLOC_MMAP_THRESHOLD_'] ?? '131072';
  for (const pid of pids) {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    assert.ok(environ.includes(`MALLOC_MMAP_THRESHOLD_=${threshold}`), `worker ${pid}`);
  }
});

test('a settings change saved through one worker shows on every worker at once', async () => {
  // Both workers read the settings, and keep them (the feed is shared: minutes, not seconds).
  for (const page of await answers('/')) assert.ok(!page.includes('Portail partagé'));
  const form = await admin.fetch(`${portal.url}/backoffice/settings/`);
  const fields = formFields(await form.text(), '/backoffice/settings/').map(
    ([name, value]): [string, string] => [name, name === 'portalName' ? 'Portail partagé' : value],
  );
  const saved = await admin.post(`${portal.url}/backoffice/settings/`, fields);
  assert.equal(saved.status, 303, await saved.text());
  for (const page of await answers('/')) assert.ok(page.includes('Portail partagé'));
});

test('a consent policy change saved through one worker shows on every worker at once', async () => {
  const listed = (json: string) =>
    (JSON.parse(json) as { services: { id: string }[] }).services.map((s) => s.id);
  for (const json of await answers('/cookies/registry.json')) assert.deepEqual(listed(json), []);
  const page = await admin.fetch(`${portal.url}/backoffice/consent/`);
  const saved = await admin.post(`${portal.url}/backoffice/consent/services`, [
    ['csrfmiddlewaretoken', pageToken(await page.text())],
    ['id', 'video-host'],
    ['kind', 'iframe'],
    ['category', 'third-party'],
    ['url', 'https://video.example.org/embed/42'],
    ['name', 'Video Host'],
    ['provider', 'Video Company'],
    ['purposeFr', 'Vidéo de présentation'],
    ['purposeEn', 'Introduction video'],
    ['cookies', 'vh_id:31536000'],
    ['attribution', ''],
    ['privacyUrl', 'https://video.example.org/privacy'],
  ]);
  assert.equal(saved.status, 303, await saved.text());
  for (const json of await answers('/cookies/registry.json')) {
    assert.deepEqual(listed(json), ['video-host']);
  }
});

test('unique visitors are counted once across the workers', async () => {
  const visit = (address: string) =>
    freshGet(`${portal.url}/`, { 'x-forwarded-for': address, 'user-agent': BROWSER });
  // Six visitors (six /24 networks), one page each, spread over the workers in turn; then one
  // more visitor whose pages reach both workers.
  for (let i = 1; i <= 6; i++) await visit(`198.51.${i}.7`);
  for (let i = 0; i < ROUNDS; i++) await visit('203.0.113.9');
  // Each worker hands its visitors over when it stops (as at each flush); then the figures are
  // read as the back office reads them.
  assert.equal(await portal.stop(), 0);
  const engine = await openSqliteEngine({ path: join(home, 'datagora.sqlite'), readers: 1 });
  try {
    const today = new Date();
    const day = (at: Date) => at.toISOString().slice(0, 10);
    const report = await new AudienceService(engine.audience, { enabled: false }).report({
      from: day(new Date(today.getTime() - 86_400_000)),
      to: day(today),
    });
    assert.equal(report.totals.visitors, 7);
    assert.ok(report.totals.pageViews >= 6 + ROUNDS);
  } finally {
    await engine.close();
  }
});
