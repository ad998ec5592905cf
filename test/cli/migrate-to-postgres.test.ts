// `datagora migrate --to`: a portal built on SQLite (two versions of the demo dataset, a
// restricted dataset, accounts, a key, a group, a consent service, audience counts) is moved to
// PostgreSQL, and the API answers the same from both stores.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { runCli } from '../helpers/run-cli.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';
import { POSTGRES_URL, adminQuery, unreachable } from '../storage/postgres/postgres-fixture.ts';

const API = '/api/explore/v2.1/catalog/datasets';
const EMAIL = 'admin@example.org';
const PASSWORD = 'correct horse battery staple';

/** Requests whose answers must not change with the store (none searches words: stems differ). */
const REQUESTS = [
  `${API}?order_by=dataset_id`,
  `${API}/export_alimconfiance`,
  `${API}/export_alimconfiance/records?order_by=date_inspection desc, app_libelle_etablissement&limit=50`,
  `${API}/export_alimconfiance/records?where=code_postal="75009"&order_by=app_libelle_etablissement&limit=100`,
  `${API}/export_alimconfiance/records?select=synthese_eval_sanit, count(*) as n&group_by=synthese_eval_sanit&order_by=synthese_eval_sanit`,
  `${API}/export_alimconfiance/facets?facet=synthese_eval_sanit&facet=date_inspection`,
  `${API}/export_alimconfiance/exports/csv?order_by=app_libelle_etablissement, siret`,
  '/api/records/1.0/search/?dataset=export_alimconfiance&rows=30&sort=-date_inspection&facet=synthese_eval_sanit',
  '/api/datasets/1.0/search/?rows=10',
];

const DEMO_CSV = fileURLToPath(
  new URL('../../data/demo/export_alimconfiance.csv', import.meta.url),
);
const RESTRICTED = `${API}/abattoirs/records?limit=20`;

describe('datagora migrate --to postgres://', { skip: unreachable ?? false }, () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-migrate-'));
  const schema = `dg_migrate_${Math.random().toString(36).slice(2, 10)}`;
  const env = { DATAGORA_HOME: home, DATAGORA_PASSWORD: PASSWORD };
  const answersBefore: Map<string, string> = new Map();
  let apiKey = '';
  let recordId = '';

  const cli = (...args: string[]) => {
    const result = runCli(args, env);
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };

  before(async () => {
    const source = await startTestPortal({ demo: true, home });
    try {
      for (const url of REQUESTS) {
        await source.app.inject({ url, headers: { 'user-agent': 'Mozilla/5.0 Firefox/120.0' } });
      }
      await source.services.audience.flush();
    } finally {
      await source.close();
    }
    // A second version of the demo dataset (the first is kept, retired), a restricted dataset.
    const copy = join(home, 'demo-again.csv');
    copyFileSync(DEMO_CSV, copy);
    cli('import', copy, '--id', 'export_alimconfiance');
    cli('import', DEMO_CSV, '--id', 'abattoirs', '--title', 'Abattoirs', '--restricted');
    cli('user', 'create', EMAIL, '--admin', '--name', 'Admin');
    cli('group', 'create', 'inspecteurs');
    cli('group', 'add', 'inspecteurs', EMAIL);
    cli('grant', 'abattoirs', 'inspecteurs');
    apiKey = cli('apikey', 'create', EMAIL, '--label', 'migration').trim();
    cli(
      'service',
      'add',
      'video',
      '--kind',
      'iframe',
      '--url',
      'https://video.example.org/embed',
      '--name',
      'Vidéo',
      '--provider',
      'Example',
      '--purpose-fr',
      'Lire des vidéos',
      '--purpose-en',
      'Play videos',
    );
    const sqlite = await startTestPortal({ home });
    try {
      for (const url of [...REQUESTS, RESTRICTED]) {
        const answer = await sqlite.app.inject({
          url,
          headers: { authorization: `Apikey ${apiKey}` },
        });
        assert.equal(answer.statusCode, 200, `${url}: ${answer.body}`);
        answersBefore.set(url, answer.body);
      }
      const v1 = JSON.parse(answersBefore.get(REQUESTS[7]!)!) as {
        records: { recordid: string }[];
      };
      recordId = v1.records[0]!.recordid;
    } finally {
      await sqlite.close();
    }
  });

  after(async () => {
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    rmSync(home, { recursive: true, force: true });
  });

  test('the whole portal is copied, then served the same from PostgreSQL', async () => {
    const out = cli('migrate', '--to', POSTGRES_URL, '--schema', schema);
    assert.match(out, /Copied \d+ tables and 3 dataset versions/);
    assert.match(out, /users: 1 rows/);
    const portal: TestPortal = await startTestPortal({ home, engine: 'postgres', schema });
    try {
      for (const url of [...REQUESTS, RESTRICTED]) {
        const answer = await portal.app.inject({
          url,
          headers: { authorization: `Apikey ${apiKey}` },
        });
        assert.equal(answer.statusCode, 200, `${url}: ${answer.body}`);
        if (url.includes('/exports/csv')) assert.equal(answer.body, answersBefore.get(url), url);
        else assert.deepEqual(answer.json(), JSON.parse(answersBefore.get(url)!), url);
      }
      // Record ids are the SQLite store's, so links to records keep working.
      assert.match(recordId, /^[0-9a-f]{40}$/);
      const record = await portal.app.inject({
        url: `${API}/export_alimconfiance/records/${recordId}`,
      });
      assert.equal(record.statusCode, 200, record.body);
      // Without the key, the restricted dataset stays hidden.
      const anonymous = await portal.app.inject({ url: RESTRICTED });
      assert.equal(anonymous.statusCode, 404);
      // Accounts, sessions, services and statistics came along.
      const signedIn = await portal.services.auth.auth.signIn(EMAIL, PASSWORD, '192.0.2.1');
      assert.equal(signedIn.user.email, EMAIL);
      const groups = await adminQuery(`SELECT name FROM ${schema}.user_groups`);
      assert.deepEqual(groups.rows, [{ name: 'inspecteurs' }]);
      const services = await portal.engine.consent.listServices();
      assert.deepEqual(
        services.map((s) => s.id),
        ['video'],
      );
      const counts = await adminQuery(`SELECT sum(count)::int AS n FROM ${schema}.audience_counts`);
      assert.ok((counts.rows[0] as { n: number }).n > 0, 'audience counts were copied');
      // The retired version's table came too: rolling back works.
      const rollback = await portal.engine.metadata.rollbackDataset('export_alimconfiance');
      assert.equal(rollback.to.id < rollback.from.id, true);
      // A new version numbers after the copied ones.
      const versions = await portal.engine.metadata.listVersions('export_alimconfiance');
      assert.equal(versions.length, 2);
    } finally {
      await portal.close();
    }
  });

  test('a second migration into the same schema is refused and changes nothing', () => {
    const result = runCli(['migrate', '--to', POSTGRES_URL, '--schema', schema], env);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Nothing was copied: the PostgreSQL store already holds data/);
  });

  test('bad arguments are usage errors', () => {
    assert.equal(runCli(['migrate'], env).status, 2);
    assert.equal(runCli(['migrate', '--to', 'mysql://x'], env).status, 2);
    assert.equal(runCli(['migrate', '--to', POSTGRES_URL, '--schema', 'Bad-Name'], env).status, 2);
    const empty = mkdtempSync(join(tmpdir(), 'datagora-migrate-empty-'));
    try {
      const none = runCli(['migrate', '--to', POSTGRES_URL], { DATAGORA_HOME: empty });
      assert.equal(none.status, 1);
      assert.match(none.stderr, /There is no SQLite store/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
