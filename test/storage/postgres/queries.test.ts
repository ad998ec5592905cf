// Read queries: time limits cancelled by the server, error mapping, read-only sessions, streaming.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { PortalError } from '../../../src/core/errors.ts';
import type { StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, adminQuery, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;
let table: string;

before(async () => {
  if (unreachable !== null) return;
  // Two connections only, so a connection left checked out would show at once.
  engine = await openPostgresEngine({ url: POSTGRES_URL, schema, poolSize: 2 });
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

function isCode(code: string) {
  return (error: unknown) => error instanceof PortalError && error.code === code;
}

pgTest('parameters are bound and rows come back as arrays', async () => {
  const result = await engine.query({
    sql: `SELECT n, n * 2 FROM ${table} WHERE n <= $1 ORDER BY n`,
    params: [3],
  });
  assert.deepEqual(result, [
    [1, 2],
    [2, 4],
    [3, 6],
  ]);
});

pgTest('a slow query is cancelled by the server and the pool keeps serving', async () => {
  const started = Date.now();
  await assert.rejects(
    engine.query({ sql: 'SELECT pg_sleep(5)', params: [] }, { timeoutMs: 200 }),
    (error: unknown) => {
      assert.ok(error instanceof PortalError);
      assert.equal(error.code, 'DG_ERR_QUERY_TIMEOUT');
      assert.equal(error.params['seconds'], 0.2);
      return true;
    },
  );
  assert.ok(Date.now() - started < 4000, 'cancelled long before pg_sleep ended');
  // Every connection of the pool still answers, with the default limit back.
  const answers = await Promise.all(
    [1, 2, 3, 4].map((i) => engine.query({ sql: 'SELECT $1::int', params: [i] })),
  );
  assert.deepEqual(answers, [[[1]], [[2]], [[3]], [[4]]]);
  const [[limit]] = (await engine.query({ sql: 'SHOW statement_timeout', params: [] })) as [
    [string],
  ];
  assert.equal(limit, '30s');
});

pgTest('the engine-wide limit applies when a query gives none', async () => {
  const strict = await openPostgresEngine({ url: POSTGRES_URL, schema, queryTimeoutMs: 150 });
  try {
    await assert.rejects(
      strict.query({ sql: 'SELECT pg_sleep(3)', params: [] }),
      isCode('DG_ERR_QUERY_TIMEOUT'),
    );
  } finally {
    await strict.close();
  }
});

pgTest('other SQL errors become DG_ERR_STORAGE_UNAVAILABLE with the reason', async () => {
  await assert.rejects(
    engine.query({ sql: 'SELECT * FROM no_such_table', params: [] }),
    (error) => {
      assert.ok(error instanceof PortalError);
      assert.equal(error.code, 'DG_ERR_STORAGE_UNAVAILABLE');
      assert.match(error.message, /relation "no_such_table" does not exist/);
      return true;
    },
  );
});

pgTest('read queries cannot write, nor run several statements', async () => {
  await assert.rejects(
    engine.query({ sql: `DELETE FROM ${table}`, params: [] }),
    /read-only transaction/,
  );
  await assert.rejects(
    engine.query({ sql: `SELECT 1; SELECT 2`, params: [] }),
    /multiple commands|cannot insert multiple/,
  );
  assert.deepEqual(await engine.query({ sql: `SELECT count(*) FROM ${table}`, params: [] }), [
    [2500],
  ]);
});

pgTest('a stream reads every row in batches', async () => {
  const batches: number[] = [];
  let total = 0;
  for await (const batch of engine.stream(
    { sql: `SELECT n FROM ${table} WHERE n > $1 ORDER BY n`, params: [0] },
    { batchSize: 1000 },
  )) {
    batches.push(batch.length);
    total += batch.reduce((sum, [n]) => sum + (n as number), 0);
  }
  assert.deepEqual(batches, [1000, 1000, 500]);
  assert.equal(total, (2500 * 2501) / 2);
});

pgTest('a stream stopped early gives its connection back', async () => {
  for (let round = 0; round < 5; round++) {
    for await (const batch of engine.stream(
      { sql: `SELECT n FROM ${table} ORDER BY n`, params: [] },
      { batchSize: 10 },
    )) {
      assert.deepEqual(batch[0], [1]);
      break;
    }
  }
  // With two connections, five leaked streams would make this wait forever.
  assert.deepEqual(await engine.query({ sql: 'SELECT 1', params: [] }), [[1]]);
  // Other test files run beside this one and open short transactions of their own (catalog
  // scratch tables): a leak stays, theirs end, so wait up to two seconds for none to be left.
  let open = -1;
  for (let tries = 0; tries < 20 && open !== 0; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const result = await adminQuery<{ count: string }>(
      `SELECT count(*) FROM pg_stat_activity
       WHERE application_name = 'datagora' AND state LIKE 'idle in transaction%'`,
    );
    open = Number(result.rows[0]!.count);
  }
  assert.equal(open, 0);
});

pgTest('a stream whose consumer throws releases its connection too', async () => {
  const consume = async () => {
    for await (const _batch of engine.stream({ sql: `SELECT n FROM ${table}`, params: [] })) {
      throw new Error('consumer failed');
    }
  };
  await assert.rejects(consume(), /consumer failed/);
  await assert.rejects(consume(), /consumer failed/);
  await assert.rejects(consume(), /consumer failed/);
  assert.deepEqual(await engine.query({ sql: 'SELECT 2', params: [] }), [[2]]);
});

pgTest('a stream whose SQL fails reports the reason and leaves the pool usable', async () => {
  for (let round = 0; round < 3; round++) {
    const consume = async () => {
      for await (const _batch of engine.stream({ sql: 'SELECT 1 / 0', params: [] })) {
        // nothing
      }
    };
    await assert.rejects(consume(), (error: unknown) => {
      assert.ok(error instanceof PortalError);
      assert.equal(error.code, 'DG_ERR_STORAGE_UNAVAILABLE');
      assert.match(error.message, /division by zero/);
      return true;
    });
  }
  assert.deepEqual(await engine.query({ sql: 'SELECT 4', params: [] }), [[4]]);
});

pgTest('a slow stream is cancelled with DG_ERR_QUERY_TIMEOUT', async () => {
  const consume = async () => {
    const sql = 'SELECT pg_sleep(0.1), g FROM generate_series(1, 50) AS g';
    for await (const _batch of engine.stream({ sql, params: [] }, { timeoutMs: 300 })) {
      // nothing
    }
  };
  await assert.rejects(consume(), isCode('DG_ERR_QUERY_TIMEOUT'));
  assert.deepEqual(await engine.query({ sql: 'SELECT 3', params: [] }), [[3]]);
});

pgTest('a slow consumer is not cut off by the time limit of each batch', async () => {
  const batches: number[] = [];
  for await (const batch of engine.stream(
    { sql: `SELECT n FROM ${table} WHERE n <= 50`, params: [] },
    { batchSize: 10, timeoutMs: 300 },
  )) {
    batches.push(batch.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(batches, [10, 10, 10, 10, 10]);
});

pgTest('a closed engine refuses queries', async () => {
  const other = await openPostgresEngine({ url: POSTGRES_URL, schema });
  await other.close();
  await other.close();
  await assert.rejects(
    other.query({ sql: 'SELECT 1', params: [] }),
    isCode('DG_ERR_STORAGE_UNAVAILABLE'),
  );
  const iterator = other.stream({ sql: 'SELECT 1', params: [] })[Symbol.asyncIterator]();
  await assert.rejects(iterator.next(), isCode('DG_ERR_STORAGE_UNAVAILABLE'));
});
