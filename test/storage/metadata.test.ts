import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let temp: TempSqliteEngine;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 1 });
});
after(() => temp.cleanup());

test('a saved dataset can be read back and listed', async () => {
  const metas = { ...emptyMetas('Trees'), keyword: ['nature'], custom: { a: 1 } };
  const saved = await temp.engine.metadata.saveDataset({ id: 'trees', metas });
  assert.equal(saved.id, 'trees');
  assert.match(saved.uid, /^da_[a-z2-7]{12}$/);
  assert.deepEqual(saved.metas, metas);
  assert.equal(saved.visibility, 'domain');
  assert.match(saved.createdAt, ISO_UTC);
  assert.equal(saved.modifiedAt, saved.createdAt);
  assert.equal(saved.metadataProcessedAt, saved.createdAt);
  assert.equal(saved.dataProcessedAt, null);
  assert.equal(saved.current, null);
  assert.deepEqual(await temp.engine.metadata.getDataset('trees'), saved);
  await temp.engine.metadata.saveDataset({ id: 'bikes', metas: emptyMetas('Bikes') });
  const listed = await temp.engine.metadata.listDatasets();
  assert.deepEqual(
    listed.map((d) => d.id),
    ['bikes', 'trees'],
  );
});

test('saving an existing dataset updates its metadata and keeps its uid', async () => {
  const first = await temp.engine.metadata.saveDataset({ id: 'parks', metas: emptyMetas('P') });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const second = await temp.engine.metadata.saveDataset({
    id: 'parks',
    metas: emptyMetas('Parks'),
    visibility: 'restricted',
  });
  assert.equal(second.uid, first.uid);
  assert.equal(second.createdAt, first.createdAt);
  assert.equal(second.metas.title, 'Parks');
  assert.equal(second.visibility, 'restricted');
  assert.ok(second.modifiedAt > first.modifiedAt);
  const third = await temp.engine.metadata.saveDataset({ id: 'parks', metas: emptyMetas('P3') });
  assert.equal(third.visibility, 'restricted', 'visibility is kept when not given');
});

test('an unknown dataset is null and has no versions', async () => {
  assert.equal(await temp.engine.metadata.getDataset('nope'), null);
  assert.deepEqual(await temp.engine.metadata.listVersions('nope'), []);
});

test('an invalid dataset id is refused', async () => {
  await assert.rejects(
    temp.engine.metadata.saveDataset({ id: 'Bad Id', metas: emptyMetas('x') }),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_INVALID_DATASET_ID',
  );
});
