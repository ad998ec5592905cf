// Datasets kept in memory by the PostgreSQL engine (src/storage/postgres/kept-datasets.ts):
// answered again without a round trip while nothing changed, dropped when the database tells of
// a change at commit (migration 13), whichever connection made it, and dropped at once for this
// engine's own writes, grants and field edits included.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import pg from 'pg';

import { emptyMetas } from '../../../src/core/dataset.ts';
import type { ChangeTopic, StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;
let other: pg.Client;

before(async () => {
  if (unreachable !== null) return;
  engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  other = new pg.Client({ connectionString: POSTGRES_URL });
  await other.connect();
});
after(async () => {
  await other?.end();
  await engine?.close();
});

/**
 * Resolves once the engine's feed has heard `count` more notices that datasets changed; fails
 * after 5 s. A write of this engine is told twice: by the engine at once, by the server later.
 */
function datasetsNotices(count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    let heard = 0;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${heard} of ${count} datasets notices within 5 s`));
    }, 5_000);
    const stop = engine.changes.subscribe((topic: ChangeTopic) => {
      if (topic !== 'datasets' || ++heard < count) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/**
 * Runs `reads` while another connection holds every table a dataset is read from locked: a read
 * that reaches the server waits for the lock, so `reads` ends within the time limit only if
 * none did. The lock is released either way (nothing changed, so no notice).
 */
async function withoutServer(reads: () => Promise<unknown>): Promise<'done' | 'waited'> {
  const tables = ['datasets', 'dataset_versions', 'attachments', 'dataset_grants'];
  await other.query('BEGIN');
  let running: Promise<'done'> | null = null;
  try {
    await other.query(
      `LOCK TABLE ${tables.map((t) => `${schema}.${t}`).join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
    running = reads().then(() => 'done' as const);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waited'>((resolve) => {
      timer = setTimeout(() => resolve('waited'), 1_500);
    });
    const outcome = await Promise.race([running, waited]);
    clearTimeout(timer);
    return outcome;
  } finally {
    await other.query('ROLLBACK');
    await running; // a read that waited ends once the lock is gone
  }
}

pgTest('a dataset read again is the same frozen object, read without the server', async () => {
  assert.equal(engine.changes.shared, true);
  const told = datasetsNotices(2);
  await engine.metadata.saveDataset({ id: 'kept', metas: emptyMetas('Kept') });
  await told;
  const first = await engine.metadata.getDataset('kept');
  assert.ok(first);
  assert.equal(await engine.metadata.getDataset('kept'), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.metas));
  const listed = await engine.metadata.listDatasets();
  assert.equal((await engine.metadata.listDatasets())[0], listed[0]);
  const outcome = await withoutServer(async () => {
    for (let i = 0; i < 10; i++) {
      await engine.metadata.getDataset('kept');
      await engine.metadata.listDatasets();
    }
  });
  assert.equal(outcome, 'done', 'the kept reads waited for the locked tables');
  await engine.metadata.saveDataset({ id: 'kept', metas: emptyMetas('Changed') });
  const changed = await withoutServer(() => engine.metadata.getDataset('kept'));
  assert.equal(changed, 'waited', 'a read after a change goes to the server');
});

pgTest('a change made by another connection is told by the database and read again', async () => {
  await engine.metadata.saveDataset({ id: 'elsewhere', metas: emptyMetas('Before') });
  assert.equal((await engine.metadata.getDataset('elsewhere'))?.metas.title, 'Before');
  assert.equal(
    (await engine.metadata.listDatasets()).find((d) => d.id === 'elsewhere')?.metas.title,
    'Before',
  );
  const heard = datasetsNotices();
  await other.query(`UPDATE ${schema}.datasets SET metas = $1 WHERE id = 'elsewhere'`, [
    JSON.stringify(emptyMetas('After')),
  ]);
  await heard;
  assert.equal((await engine.metadata.getDataset('elsewhere'))?.metas.title, 'After');
  assert.equal(
    (await engine.metadata.listDatasets()).find((d) => d.id === 'elsewhere')?.metas.title,
    'After',
  );

  for (const [table, change] of [
    [
      'attachments',
      `INSERT INTO ${schema}.attachments (dataset_id, id, path) VALUES ('elsewhere', 'a1', 'a1.pdf')`,
    ],
    [
      'dataset_grants',
      `INSERT INTO ${schema}.dataset_grants (dataset_id, grantee_kind, grantee_id) VALUES ('elsewhere', 'user', 'u9')`,
    ],
  ] as const) {
    const told = datasetsNotices();
    await other.query(change);
    await told;
    const dataset = await engine.metadata.getDataset('elsewhere');
    if (table === 'attachments')
      assert.deepEqual(
        dataset?.attachments.map((a) => a.id),
        ['a1'],
      );
    else assert.deepEqual(dataset?.access.userIds, ['u9']);
  }
});

pgTest("this engine's own writes are seen by the very next read", async () => {
  await engine.metadata.saveDataset({
    id: 'own',
    metas: emptyMetas('Own'),
    visibility: 'restricted',
  });
  assert.deepEqual((await engine.metadata.getDataset('own'))?.access.userIds, []);
  const user = await engine.accounts.createUser({
    email: 'reader@example.org',
    name: 'Reader',
    passwordHash: 'not used',
    role: 'user',
  });
  await engine.accounts.grant('own', { kind: 'user', id: user.id });
  assert.deepEqual((await engine.metadata.getDataset('own'))?.access.userIds, [user.id]);
  await engine.accounts.revokeGrant('own', { kind: 'user', id: user.id });
  assert.deepEqual((await engine.metadata.getDataset('own'))?.access.userIds, []);

  const published = await engine.metadata.setPublished('own', false);
  assert.equal(published.published, false);
  assert.equal((await engine.metadata.getDataset('own'))?.published, false);

  await engine.metadata.saveAttachment({
    datasetId: 'own',
    id: 'notice',
    title: 'Notice',
    mimetype: 'application/pdf',
    fileName: 'notice.pdf',
  });
  assert.equal((await engine.metadata.getDataset('own'))?.attachments.length, 1);
  await engine.metadata.deleteAttachment('own', 'notice');
  assert.equal((await engine.metadata.getDataset('own'))?.attachments.length, 0);
});

pgTest('while the feed is down every read goes to the server', async () => {
  const own = await openPostgresEngine({ url: POSTGRES_URL, schema });
  try {
    await own.metadata.saveDataset({ id: 'unheard', metas: emptyMetas('Before') });
    await (own.changes as StorageEngine['changes'] & { close(): Promise<void> }).close();
    assert.equal(own.changes.shared, false);
    assert.equal((await own.metadata.getDataset('unheard'))?.metas.title, 'Before');
    await other.query(`UPDATE ${schema}.datasets SET metas = $1 WHERE id = 'unheard'`, [
      JSON.stringify(emptyMetas('After')),
    ]);
    assert.equal((await own.metadata.getDataset('unheard'))?.metas.title, 'After');
  } finally {
    await own.close();
  }
});
