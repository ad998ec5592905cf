// Recovery at open: a killed import never leaves a half-loaded version behind.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { emptyMetas } from '../../../src/core/dataset.ts';
import type { Field } from '../../../src/core/field.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { loadLockArgs } from '../../../src/storage/postgres/version-writer.ts';
import { POSTGRES_URL, adminQuery, pgTest, testSchema } from './postgres-fixture.ts';

const schema = testSchema();
const FIELDS: Field[] = [
  { name: 'n', label: 'N', type: 'int', description: null, annotations: {} },
];
const HANGING_LOAD = fileURLToPath(new URL('./fixtures/hanging-load.ts', import.meta.url));

async function tableExists(table: string): Promise<boolean> {
  const result = await adminQuery(`SELECT to_regclass($1) AS t`, [`${schema}.${table}`]);
  return result.rows[0]!.t !== null;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

pgTest('an import killed mid-load is marked failed at the next open', async () => {
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  await engine.metadata.saveDataset({ id: 'killed', metas: emptyMetas('Killed') });
  const writer = await engine.beginVersion({ datasetId: 'killed', fields: FIELDS, source: null });
  await writer.append([[1], [2]]);
  const kept = await writer.commit();
  await engine.close();

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', HANGING_LOAD, POSTGRES_URL, schema, 'killed'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const id = Number(/loading (\d+)/.exec(line.toString())![1]);
  child.kill('SIGKILL');
  await once(child, 'exit');

  const reopened = await openPostgresEngine({ url: POSTGRES_URL, schema });
  try {
    const versions = await reopened.metadata.listVersions('killed');
    const killed = versions.find((v) => v.id === id)!;
    assert.equal(killed.status, 'failed');
    assert.match(killed.error ?? '', /stopped before it ended/);
    assert.equal(await tableExists(killed.table), false);
    const dataset = await reopened.metadata.getDataset('killed');
    assert.equal(dataset!.current!.id, kept.id);
    assert.deepEqual(
      await reopened.query({ sql: `SELECT count(*) FROM ${kept.table}`, params: [] }),
      [[2]],
    );
  } finally {
    await reopened.close();
  }
});

pgTest(
  'a loading version of a dead local process is recovered even if its lock looks held',
  async () => {
    const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
    await engine.metadata.saveDataset({ id: 'orphan', metas: emptyMetas('Orphan') });
    await engine.close();
    const owner = `${hostname()}:${await deadPid()}`;
    const inserted = await adminQuery<{ id: string }>(
      `INSERT INTO ${schema}.dataset_versions (dataset_id, table_name, fields, status, owner)
     VALUES ('orphan', 'pending', $1, 'loading', $2) RETURNING id`,
      [JSON.stringify(FIELDS), owner],
    );
    const id = Number(inserted.rows[0]!.id);
    await adminQuery(
      `UPDATE ${schema}.dataset_versions SET table_name = 'records_' || id WHERE id = $1`,
      [id],
    );
    await adminQuery(`CREATE TABLE ${schema}.records_${id} (n bigint)`);
    // Someone else holds the load's lock (a stuck connection, say): the dead pid still decides.
    const holder = new pg.Client({ connectionString: POSTGRES_URL });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${loadLockArgs(schema, id)})`);
      const reopened = await openPostgresEngine({ url: POSTGRES_URL, schema });
      await reopened.close();
    } finally {
      await holder.end();
    }
    const [version] = (
      await adminQuery<{ status: string; owner: string | null }>(
        `SELECT status, owner FROM ${schema}.dataset_versions WHERE id = $1`,
        [id],
      )
    ).rows;
    assert.deepEqual(version, { status: 'failed', owner: null });
    assert.equal(await tableExists(`records_${id}`), false);
  },
);

pgTest('a load still running in a live process is left alone', async () => {
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  await engine.metadata.saveDataset({ id: 'alive', metas: emptyMetas('Alive') });
  const writer = await engine.beginVersion({ datasetId: 'alive', fields: FIELDS, source: null });
  await writer.append([[7]]);
  const other = await openPostgresEngine({ url: POSTGRES_URL, schema });
  await other.close();
  const version = await writer.commit();
  assert.equal(version.status, 'ready');
  await engine.close();
});
