// Two application processes (src/main.ts, as `npm start` runs it) on one PostgreSQL schema and
// one home folder, as behind a load balancer: a session and its CSRF token made on one work on
// the other; a setting saved on one shows on the other; the anonymous quota counts the calls of
// both; an import on one never shows the other a half-loaded version; a process killed in the
// middle of an import leaves a job that the other fails, the previous version still serving,
// and the next import works; the audience counters of two processes add up.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { authServices } from '../../src/auth/index.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { ImportJobs } from '../../src/ingest/import-jobs.ts';
import type { StorageEngine } from '../../src/storage/engine.ts';
import { openPostgresEngine } from '../../src/storage/postgres/index.ts';
import {
  POSTGRES_URL,
  adminQuery,
  pgTest,
  unreachable,
} from '../storage/postgres/postgres-fixture.ts';
import type { PortalProcess } from './portal-process.ts';
import { CookieJar, formFields, pageToken, startPortalProcess } from './portal-process.ts';

const schema = `dg_multi_${Math.random().toString(36).slice(2, 10)}`;
const home = mkdtempSync(join(tmpdir(), 'datagora-multi-'));
const SOURCE = 'uploads/inspections.csv';
const PASSWORD = 'correct horse battery staple';
const QUOTA = 5;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const env = {
  DATABASE_URL: POSTGRES_URL,
  DATAGORA_DATABASE_SCHEMA: schema,
  DATAGORA_HOME: home,
  DATAGORA_DEMO: 'false',
  DATAGORA_QUOTA_ANONYMOUS: String(QUOTA),
  // The load balancer gives each client's address in X-Forwarded-For.
  DATAGORA_TRUST_PROXY: '1',
};

let engine: StorageEngine;
let one: PortalProcess;
let two: PortalProcess;
const admin = new CookieJar();

/** A CSV of `rows` inspections (id;name;score), written as the dataset's source file. */
function writeSource(rows: number): void {
  const lines = ['id;name;score'];
  for (let i = 1; i <= rows; i++) lines.push(`${i};Restaurant ${i};${i % 4}`);
  writeFileSync(join(home, SOURCE), lines.join('\n') + '\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value; fails past `seconds`. */
async function until<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

async function recordsCount(portal: PortalProcess, dataset = 'inspections'): Promise<number> {
  const response = await admin.fetch(
    `${portal.url}/api/explore/v2.1/catalog/datasets/${dataset}/records?limit=0`,
  );
  assert.equal(response.status, 200, `${portal.name}: ${await response.clone().text()}`);
  return ((await response.json()) as { total_count: number }).total_count;
}

interface JobView {
  id: number;
  state: string;
  rowsRead: number;
  error: string | null;
}

async function jobs(portal: PortalProcess): Promise<JobView[]> {
  const response = await admin.fetch(
    `${portal.url}/backoffice/datasets/inspections/source/jobs.json`,
  );
  assert.equal(response.status, 200);
  return ((await response.json()) as { jobs: JobView[] }).jobs;
}

/** Asks `portal` to import the source again, with a token from a page `portal` served. */
async function refresh(portal: PortalProcess): Promise<void> {
  const page = await admin.fetch(`${portal.url}/backoffice/datasets/inspections/source/`);
  const token = pageToken(await page.text());
  const response = await admin.post(
    `${portal.url}/backoffice/datasets/inspections/source/refresh`,
    [['csrfmiddlewaretoken', token]],
  );
  assert.equal(response.status, 303, await response.text());
}

before(async () => {
  if (unreachable !== null) return;
  mkdirSync(join(home, 'uploads'), { recursive: true });
  engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  for (const id of ['inspections', 'counted']) {
    await engine.metadata.saveDataset({ id, metas: emptyMetas(id) });
    await engine.imports.saveSource({
      datasetId: id,
      kind: 'file',
      location: SOURCE,
      fileName: 'inspections.csv',
      size: null,
      options: { separator: ';' },
      schedule: 'none',
      nextRunAt: null,
    });
  }
  writeSource(100);
  const loader = new ImportJobs(engine, { home, maxBytes: 1e9, fetchTimeoutMs: 5000 });
  for (const id of ['inspections', 'counted']) {
    await loader.start({ datasetId: id, trigger: 'upload', createdBy: null });
  }
  await loader.idle();
  await authServices(engine.accounts, engine.metadata).accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: PASSWORD,
    role: 'admin',
  });
  [one, two] = await Promise.all([startPortalProcess('one', env), startPortalProcess('two', env)]);
});

after(async () => {
  if (unreachable !== null) return;
  await Promise.allSettled([one?.kill(), two?.kill()]);
  await engine?.close();
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  rmSync(home, { recursive: true, force: true });
});

pgTest('a session and the CSRF token made on one process work on the other', async () => {
  const login = await admin.fetch(`${one.url}/login/`);
  const signedIn = await admin.post(`${one.url}/login/`, [
    ['csrfmiddlewaretoken', pageToken(await login.text())],
    ['email', 'admin@example.org'],
    ['password', PASSWORD],
    ['next', '/backoffice/settings/'],
  ]);
  assert.equal(signedIn.status, 303);
  assert.ok(admin.get('sessionid'), 'signed in on one');
  // A page of one gives the form's token; the other process checks it against the same cookie.
  const pageOfOne = await admin.fetch(`${one.url}/backoffice/settings/`);
  assert.equal(pageOfOne.status, 200);
  const fields = formFields(await pageOfOne.text(), '/backoffice/settings/').map(
    ([name, value]): [string, string] => [name, name === 'portalName' ? 'Portail partagé' : value],
  );
  const saved = await admin.post(`${two.url}/backoffice/settings/`, fields);
  assert.equal(saved.status, 303, await saved.text());
  // Without the session cookie the other process sends a visitor to the sign-in page.
  const anonymous = await fetch(`${two.url}/backoffice/settings/`, { redirect: 'manual' });
  assert.notEqual(anonymous.status, 200);
});

pgTest('a setting saved on one process shows on the other', async () => {
  // One process has shown the old name since it started (its settings were read then).
  const seen = await until('the new portal name on process one', 60, async () => {
    const home = await (await fetch(`${one.url}/`)).text();
    return home.includes('Portail partagé') ? home : null;
  });
  assert.ok(seen.includes('Portail partagé'));
});

pgTest('the anonymous quota counts the calls made to both processes', async () => {
  const address = '198.51.100.7';
  const call = (portal: PortalProcess) =>
    fetch(`${portal.url}/api/explore/v2.1/catalog/datasets/inspections/records?limit=1`, {
      headers: { 'x-forwarded-for': address },
    });
  const remaining: string[] = [];
  for (let i = 0; i < QUOTA; i++) {
    const response = await call(i % 2 === 0 ? one : two);
    assert.equal(response.status, 200);
    remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
  }
  assert.deepEqual(remaining, ['4', '3', '2', '1', '0']);
  assert.equal((await call(two)).status, 429);
  assert.equal((await call(one)).status, 429);
  const other = await fetch(`${two.url}/api/explore/v2.1/catalog/datasets/inspections/records`, {
    headers: { 'x-forwarded-for': '198.51.100.8' },
  });
  assert.equal(other.status, 200, 'another address has its own count');
});

pgTest('an import on one process never shows the other a half-loaded version', async () => {
  const before = await recordsCount(two);
  assert.equal(before, 100);
  writeSource(30_000);
  await refresh(one);
  const counts = new Set<number>();
  const job = await until('the import to end', 300, async () => {
    counts.add(await recordsCount(two));
    const [latest] = await jobs(two);
    return latest && latest.state !== 'running' && latest.state !== 'queued' ? latest : null;
  });
  assert.equal(job.state, 'succeeded', job.error ?? '');
  counts.add(await recordsCount(two));
  assert.deepEqual(
    [...counts].filter((n) => n !== 100 && n !== 30_000),
    [],
    'only whole versions',
  );
  assert.equal(await recordsCount(two), 30_000);
  assert.equal(await recordsCount(one), 30_000);
});

pgTest(
  'a process killed mid-import leaves a job the other fails; the data keeps serving',
  async () => {
    writeSource(1_500_000);
    await refresh(one);
    const running = await until('the import to run', 120, async () => {
      const [latest] = await jobs(two);
      if (latest?.state === 'succeeded') throw new Error('the import ended before the kill');
      return latest?.state === 'running' && latest.rowsRead > 0 ? latest : null;
    });
    await one.kill();
    assert.equal(await recordsCount(two), 30_000, 'the previous version serves');
    // The other process's sweep finds the job and the load of a dead process, and fails them.
    const failed = await until('the job to be failed', 120, async () => {
      const found = (await jobs(two)).find((job) => job.id === running.id);
      return found && found.state !== 'running' ? found : null;
    });
    assert.equal(failed.state, 'failed');
    assert.match(failed.error ?? '', /stopped before it ended/);
    await until('the load to be failed', 120, async () => {
      const versions = await engine.metadata.listVersions('inspections');
      return versions.some((v) => v.status === 'loading') ? null : versions;
    });
    assert.equal(await recordsCount(two), 30_000);
    // The dataset is free again: the other process imports it.
    writeSource(250);
    await refresh(two);
    const next = await until('the next import to end', 120, async () => {
      const [latest] = await jobs(two);
      return latest && latest.id !== running.id && latest.state !== 'running' ? latest : null;
    });
    assert.equal(next.state, 'succeeded', next.error ?? '');
    assert.equal(await recordsCount(two), 250);
  },
);

pgTest('the audience counters of two processes add up', async () => {
  one = await startPortalProcess('one again', env);
  const calls = { [one.name]: 3, [two.name]: 4 };
  for (const portal of [one, two]) {
    for (let i = 0; i < calls[portal.name]!; i++) {
      const response = await fetch(
        `${portal.url}/api/explore/v2.1/catalog/datasets/counted/records?limit=1`,
        { headers: { 'user-agent': BROWSER, 'x-forwarded-for': `203.0.113.${i}` } },
      );
      assert.equal(response.status, 200);
    }
  }
  // Each process writes what it counted when it stops.
  assert.deepEqual(await Promise.all([one.stop(), two.stop()]), [0, 0]);
  const { rows } = await adminQuery<{ total: string | null }>(
    `SELECT sum(count) AS total FROM ${schema}.audience_counts
     WHERE metric = 'api_call' AND dataset = 'counted'`,
  );
  assert.equal(Number(rows[0]?.total), 7);
});
