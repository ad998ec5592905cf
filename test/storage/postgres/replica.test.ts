// A read replica: dataset queries go to it, the primary answers what it lacks yet (a table of a
// version it has not replayed), other failures and time limits are the replica's own. The
// "replica" here is a second connection URL to the same server's `postgres` database: it has
// none of the portal's tables, as a replica lagging behind a new version would not.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { PortalError } from '../../../src/core/errors.ts';
import type { StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;
let table: string;

function replicaUrl(): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = '/postgres';
  return url.toString();
}

before(async () => {
  if (unreachable !== null) return;
  engine = await openPostgresEngine({ url: POSTGRES_URL, schema, replicaUrl: replicaUrl() });
  await engine.metadata.saveDataset({ id: 'numbers', metas: emptyMetas('Numbers') });
  const writer = await engine.beginVersion({
    datasetId: 'numbers',
    fields: [{ name: 'n', label: 'N', type: 'int', description: null, annotations: {} }],
    source: null,
  });
  await writer.append(Array.from({ length: 2500 }, (_, i) => [i + 1]));
  table = (await writer.commit()).table;
});
after(async () => {
  await engine?.close();
});

const isCode = (code: string) => (error: unknown) =>
  error instanceof PortalError && error.code === code;

pgTest('dataset queries run on the replica', async () => {
  const rows = await engine.query({ sql: 'SELECT current_database()', params: [] });
  assert.deepEqual(rows, [['postgres']]);
  const primary = new URL(POSTGRES_URL).pathname.slice(1);
  assert.notEqual(primary, 'postgres', 'the test needs the primary in another database');
});

pgTest("a version's table the replica lacks is read on the primary", async () => {
  const rows = await engine.query({ sql: `SELECT count(*)::int FROM ${table}`, params: [] });
  assert.deepEqual(rows, [[2500]]);
  let count = 0;
  for await (const batch of engine.stream(
    { sql: `SELECT n FROM ${table} ORDER BY n`, params: [] },
    { batchSize: 1000 },
  )) {
    count += batch.length;
  }
  assert.equal(count, 2500);
});

pgTest("the replica's other failures are reported, not retried on the primary", async () => {
  await assert.rejects(
    engine.query({ sql: 'SELECT 1 / $1::int', params: [0] }),
    isCode('DG_ERR_STORAGE_UNAVAILABLE'),
  );
  await assert.rejects(
    engine.query({ sql: 'SELECT pg_sleep(5)', params: [] }, { timeoutMs: 200 }),
    isCode('DG_ERR_QUERY_TIMEOUT'),
  );
  await assert.rejects(async () => {
    for await (const batch of engine.stream(
      { sql: 'SELECT g, pg_sleep(0.5) FROM generate_series(1, 3) g', params: [] },
      { batchSize: 1, timeoutMs: 200 },
    )) {
      assert.ok(batch.length > 0);
    }
  }, isCode('DG_ERR_QUERY_TIMEOUT'));
  // The replica's connections are still usable after the cancels.
  assert.deepEqual(await engine.query({ sql: 'SELECT 1', params: [] }), [[1]]);
});
