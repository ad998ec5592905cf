import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { isPortalError } from '../../src/core/errors.ts';
import { ReaderPool } from '../../src/storage/sqlite/reader-pool.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

/** Counts to `?` in one SQLite step: about 0.17 s per ten million here. */
const SLOW_COUNT =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT count(*) FROM c';
/** Yields the numbers 1…? as rows, lazily. */
const SEQUENCE =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT x FROM c';

let temp: TempSqliteEngine;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 2 });
});
after(() => temp.cleanup());

test('queries return arrays of raw values', async () => {
  const rows = await temp.engine.query({
    sql: 'SELECT 1, 2.5, ?, NULL, ? UNION ALL SELECT 3, 4.5, ?, NULL, 0',
    params: ['a', true, 'b'],
  });
  assert.deepEqual(rows, [
    [1, 2.5, 'a', null, 1],
    [3, 4.5, 'b', null, 0],
  ]);
});

test('a slow query does not hold up the others', async () => {
  let slowDone = false;
  const slow = temp.engine.query({ sql: SLOW_COUNT, params: [20_000_000] }).then((rows) => {
    slowDone = true;
    return rows;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let i = 0; i < 20; i++) {
    assert.deepEqual(await temp.engine.query({ sql: 'SELECT ?', params: [i] }), [[i]]);
  }
  assert.equal(slowDone, false, 'the small queries were answered while the slow one ran');
  assert.deepEqual(await slow, [[20_000_000]]);
});

test('a query past its time limit is stopped and the pool keeps serving', async () => {
  await assert.rejects(
    temp.engine.query({ sql: SLOW_COUNT, params: [12_000_000] }, { timeoutMs: 200 }),
    (error: unknown) => {
      assert.ok(isPortalError(error));
      assert.equal(error.code, 'DG_ERR_QUERY_TIMEOUT');
      assert.equal(error.params['seconds'], 0.2);
      return true;
    },
  );
  // More queries than readers: the replacement worker takes its share.
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => temp.engine.query({ sql: 'SELECT ?', params: [i] })),
  );
  assert.deepEqual(
    answers,
    Array.from({ length: 10 }, (_, i) => [[i]]),
  );
});

test('an SQL error is a storage error, and the worker stays usable', async () => {
  await assert.rejects(
    temp.engine.query({ sql: 'SELECT * FROM no_such_table', params: [] }),
    (error: unknown) =>
      isPortalError(error) &&
      error.code === 'DG_ERR_STORAGE_UNAVAILABLE' &&
      /no such table/.test(error.message),
  );
  await assert.rejects(
    temp.engine.query({ sql: 'CREATE TABLE x (a)', params: [] }),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_STORAGE_UNAVAILABLE',
  );
  await assert.rejects(
    temp.engine.query({ sql: 'SELECT ?', params: [] }),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_STORAGE_UNAVAILABLE',
  );
  assert.deepEqual(await temp.engine.query({ sql: 'SELECT 42', params: [] }), [[42]]);
});

test('a stream yields every row in batches', async () => {
  const batches: unknown[][][] = [];
  for await (const batch of temp.engine.stream(
    { sql: SEQUENCE, params: [2500] },
    { batchSize: 1000 },
  )) {
    batches.push(batch);
  }
  assert.deepEqual(
    batches.map((b) => b.length),
    [1000, 1000, 500],
  );
  assert.deepEqual(batches[2]!.at(-1), [2500]);
});

test('a stream waits for its consumer, and stopping early frees the worker', async () => {
  const one = await openTempSqliteEngine({ readers: 1 });
  try {
    // A billion rows: without back-pressure the worker would be busy for minutes.
    const stream = one.engine.stream({ sql: SEQUENCE, params: [1_000_000_000] }, { batchSize: 10 });
    let seen = 0;
    for await (const batch of stream) {
      seen += batch.length;
      if (seen >= 30) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(seen, 30);
    const start = performance.now();
    assert.deepEqual(await one.engine.query({ sql: 'SELECT 1', params: [] }), [[1]]);
    // Without back-pressure the worker would still be counting to a billion (minutes).
    assert.ok(performance.now() - start < 5000, 'the only worker was released');
  } finally {
    await one.cleanup();
  }
});

test('a query waits while the only worker streams, then runs', async () => {
  const one = await openTempSqliteEngine({ readers: 1 });
  try {
    const stream = one.engine.stream({ sql: SEQUENCE, params: [100] }, { batchSize: 10 });
    const iterator = stream[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.length, 10);
    let answered = false;
    const waiting = one.engine.query({ sql: 'SELECT 7', params: [] }).then((rows) => {
      answered = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(answered, false, 'the query is queued behind the open stream');
    await iterator.return?.();
    assert.deepEqual(await waiting, [[7]]);
  } finally {
    await one.cleanup();
  }
});

test('a stream past its time limit fails with a timeout', async () => {
  const stream = temp.engine.stream({ sql: SLOW_COUNT, params: [12_000_000] }, { timeoutMs: 200 });
  await assert.rejects(
    (async () => {
      for await (const _batch of stream) void _batch;
    })(),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_QUERY_TIMEOUT',
  );
  assert.deepEqual(await temp.engine.query({ sql: 'SELECT 1', params: [] }), [[1]]);
});

test('a pool whose readers cannot open the store fails to start', async () => {
  await assert.rejects(
    ReaderPool.start({ path: join(temp.dir, 'missing.sqlite') }, 1),
    (error: unknown) =>
      isPortalError(error) &&
      error.code === 'DG_ERR_STORAGE_UNAVAILABLE' &&
      /could not start/.test(error.message),
  );
});
