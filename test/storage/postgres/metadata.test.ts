// Datasets: create, update, get, list.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { PortalError } from '../../../src/core/errors.ts';
import type { StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;

before(async () => {
  if (unreachable === null) engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
});
after(async () => {
  await engine?.close();
});

pgTest('a saved dataset comes back with a uid, timestamps and no current version', async () => {
  const metas = { ...emptyMetas('Alim’confiance'), keyword: ['hygiène', 'restaurants'] };
  const saved = await engine.metadata.saveDataset({ id: 'export_alimconfiance', metas });
  assert.equal(saved.id, 'export_alimconfiance');
  assert.match(saved.uid, /^da_[a-z0-9]{10}$/);
  assert.deepEqual(saved.metas, metas);
  assert.equal(saved.visibility, 'domain');
  assert.match(saved.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(saved.modifiedAt, saved.createdAt);
  assert.equal(saved.metadataProcessedAt, saved.createdAt);
  assert.equal(saved.dataProcessedAt, null);
  assert.equal(saved.current, null);
  assert.deepEqual(await engine.metadata.getDataset('export_alimconfiance'), saved);
});

pgTest('saving again updates the metadata and keeps the uid and creation date', async () => {
  const first = await engine.metadata.saveDataset({ id: 'updated', metas: emptyMetas('One') });
  const second = await engine.metadata.saveDataset({
    id: 'updated',
    metas: emptyMetas('Two'),
    visibility: 'restricted',
  });
  assert.equal(second.uid, first.uid);
  assert.equal(second.createdAt, first.createdAt);
  assert.equal(second.metas.title, 'Two');
  assert.equal(second.visibility, 'restricted');
  assert.ok(second.modifiedAt >= first.modifiedAt);
  const third = await engine.metadata.saveDataset({ id: 'updated', metas: emptyMetas('Three') });
  assert.equal(third.visibility, 'restricted', 'an unset visibility keeps the previous one');
});

pgTest('datasets are listed by id; unknown ones are null', async () => {
  await engine.metadata.saveDataset({ id: 'b-list', metas: emptyMetas('B') });
  await engine.metadata.saveDataset({ id: 'a-list', metas: emptyMetas('A') });
  const ids = (await engine.metadata.listDatasets()).map((d) => d.id);
  assert.deepEqual(
    ids.filter((id) => id.endsWith('-list')),
    ['a-list', 'b-list'],
  );
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(await engine.metadata.getDataset('nope'), null);
  assert.deepEqual(await engine.metadata.listVersions('nope'), []);
});

pgTest('an invalid dataset id is refused', async () => {
  await assert.rejects(
    engine.metadata.saveDataset({ id: 'Bad Id', metas: emptyMetas('x') }),
    (error: unknown) => error instanceof PortalError && error.code === 'DG_ERR_INVALID_DATASET_ID',
  );
});
