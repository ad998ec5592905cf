// Datasets kept in memory by the SQLite store: answered again while nothing changed, read again
// as soon as anything they are made of changes, by this connection, another one or another
// process (test/storage/shared-state.test.ts covers processes for the other caches).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import Database from 'better-sqlite3';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

let temp: TempSqliteEngine;
let other: Database.Database;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 1 });
  other = new Database(temp.path);
});
after(async () => {
  other.close();
  await temp.cleanup();
});

test('a dataset read twice is the same frozen object while nothing changes', async () => {
  await temp.engine.metadata.saveDataset({ id: 'kept', metas: emptyMetas('Kept') });
  const first = await temp.engine.metadata.getDataset('kept');
  const second = await temp.engine.metadata.getDataset('kept');
  assert.ok(first);
  assert.equal(second, first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.metas));
  assert.throws(() => {
    (first.metas as { title: string }).title = 'changed in memory';
  }, TypeError);
});

test("another connection's change to a dataset is seen at the next read", async () => {
  await temp.engine.metadata.saveDataset({ id: 'shared', metas: emptyMetas('Before') });
  assert.equal((await temp.engine.metadata.getDataset('shared'))?.metas.title, 'Before');
  other
    .prepare('UPDATE datasets SET metas = ? WHERE id = ?')
    .run(JSON.stringify(emptyMetas('After')), 'shared');
  assert.equal((await temp.engine.metadata.getDataset('shared'))?.metas.title, 'After');
  const listed = await temp.engine.metadata.listDatasets();
  assert.equal(listed.find((d) => d.id === 'shared')?.metas.title, 'After');
});

test('a grant or an attachment added elsewhere is seen at the next read', async () => {
  await temp.engine.metadata.saveDataset({
    id: 'granted',
    metas: emptyMetas('Granted'),
    visibility: 'restricted',
  });
  assert.deepEqual((await temp.engine.metadata.getDataset('granted'))?.access.userIds, []);
  other
    .prepare(
      `INSERT INTO dataset_grants (dataset_id, grantee_kind, grantee_id) VALUES (?, 'user', ?)`,
    )
    .run('granted', 'u1');
  assert.deepEqual((await temp.engine.metadata.getDataset('granted'))?.access.userIds, ['u1']);
  other
    .prepare(
      `INSERT INTO attachments (dataset_id, id, title, mimetype, path, created_at)
       VALUES (?, 'notice', 'Notice', 'text/plain', 'notice.txt', '2026-01-01T00:00:00.000Z')`,
    )
    .run('granted');
  const read = await temp.engine.metadata.getDataset('granted');
  assert.deepEqual(
    read?.attachments.map((a) => a.id),
    ['notice'],
  );
});

test('a deleted dataset is gone at the next read, and the list is a new array each time', async () => {
  await temp.engine.metadata.saveDataset({ id: 'gone', metas: emptyMetas('Gone') });
  assert.ok(await temp.engine.metadata.getDataset('gone'));
  other.prepare('DELETE FROM datasets WHERE id = ?').run('gone');
  assert.equal(await temp.engine.metadata.getDataset('gone'), null);
  const a = await temp.engine.metadata.listDatasets();
  const b = await temp.engine.metadata.listDatasets();
  assert.notEqual(a, b);
  assert.deepEqual(a, b);
  assert.ok(!a.some((d) => d.id === 'gone'));
});
