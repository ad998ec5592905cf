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
    // Undo migration 10 (the schema editor's table) while 11 stays applied.
    const table = `${schema}.dataset_schemas`;
    await adminQuery(`DROP TABLE ${table}`);
    await adminQuery(`DELETE FROM ${schema}.schema_migrations WHERE version = 10`);
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

pgTest('migration 9 gives dataset sources their processors, an empty list by default', async () => {
  const columns = await adminQuery<{ data_type: string; is_nullable: string; def: string }>(
    `SELECT data_type, is_nullable, column_default AS def FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = 'dataset_sources' AND column_name = 'processors'`,
    [schema],
  );
  assert.equal(columns.rows.length, 1);
  assert.equal(columns.rows[0]!.data_type, 'jsonb');
  assert.equal(columns.rows[0]!.is_nullable, 'NO');
  assert.match(columns.rows[0]!.def, /^'\[\]'::jsonb$/);
});

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
