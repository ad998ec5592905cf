// Migrations: applied once, safe when two engines open together, refused when the store is newer.

import assert from 'node:assert/strict';

import { PortalError } from '../../../src/core/errors.ts';
import { LATEST_MIGRATION, MIGRATIONS } from '../../../src/storage/postgres/migrations.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, adminQuery, pgTest, testSchema } from './postgres-fixture.ts';

const schema = testSchema();

pgTest('two engines opening a fresh schema at once apply each migration exactly once', async () => {
  const engines = await Promise.all(
    [1, 2, 3].map(() => openPostgresEngine({ url: POSTGRES_URL, schema })),
  );
  await Promise.all(engines.map((engine) => engine.close()));
  const applied = await adminQuery<{ version: number }>(
    `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
  );
  assert.deepEqual(
    applied.rows.map((row) => row.version),
    MIGRATIONS.map((m) => m.version),
  );
});

pgTest('opening again changes nothing', async () => {
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  assert.equal(engine.name, 'postgres');
  await engine.close();
  const applied = await adminQuery<{ count: string }>(
    `SELECT count(*) FROM ${schema}.schema_migrations`,
  );
  assert.equal(Number(applied.rows[0]!.count), MIGRATIONS.length);
  const tables = await adminQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
    [schema],
  );
  assert.deepEqual(
    tables.rows.map((row) => row.table_name),
    [
      'activity_log',
      'api_keys',
      'api_quota_counts',
      'attachments',
      'audience_counts',
      'audience_visitors',
      'consent_log',
      'consent_policies',
      'dataset_editors',
      'dataset_grants',
      'dataset_schemas',
      'dataset_sources',
      'dataset_versions',
      'datasets',
      'group_members',
      'import_jobs',
      'login_failures',
      'portal_assets',
      'portal_settings',
      'portal_texts',
      'schema_migrations',
      'sessions',
      'third_party_services',
      'user_groups',
      'users',
    ],
  );
});

pgTest(
  'a migration missing below the highest applied one is applied (branches landing out of order)',
  async () => {
    const middle = MIGRATIONS[MIGRATIONS.length - 2]!;
    const table = `${schema}.dataset_schemas`;
    assert.equal(middle.version, 10, 'this test undoes migration 10: update it with the list');
    await adminQuery(`DROP TABLE ${table}`);
    await adminQuery(`DELETE FROM ${schema}.schema_migrations WHERE version = $1`, [
      middle.version,
    ]);
    const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
    await engine.close();
    const applied = await adminQuery<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    assert.deepEqual(
      applied.rows.map((row) => row.version),
      MIGRATIONS.map((m) => m.version),
    );
    await adminQuery(`SELECT count(*) FROM ${table}`);
  },
);

pgTest('a store migrated by newer code refuses to open with a clear error', async () => {
  const newer = LATEST_MIGRATION + 1;
  await adminQuery(
    `INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, 'future')`,
    [newer],
  );
  try {
    await assert.rejects(openPostgresEngine({ url: POSTGRES_URL, schema }), (error: unknown) => {
      assert.ok(error instanceof PortalError);
      assert.equal(error.code, 'DG_ERR_STORAGE_UNAVAILABLE');
      assert.match(error.message, new RegExp(`at migration ${newer}, newer than`));
      return true;
    });
  } finally {
    await adminQuery(`DELETE FROM ${schema}.schema_migrations WHERE version = $1`, [newer]);
  }
});

pgTest('an unreachable server is reported as DG_ERR_STORAGE_UNAVAILABLE', async () => {
  await assert.rejects(
    openPostgresEngine({ url: 'postgres://postgres@127.0.0.1:1/test', schema }),
    (error: unknown) => error instanceof PortalError && error.code === 'DG_ERR_STORAGE_UNAVAILABLE',
  );
});
