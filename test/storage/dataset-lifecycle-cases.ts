// The dataset lifecycle cases (publish, delete, rollback, activity log, version authors), written
// once and run on each engine by dataset-lifecycle.test.ts and postgres/dataset-lifecycle.test.ts.

import assert from 'node:assert/strict';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { DatasetVersion } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { StorageEngine } from '../../src/storage/engine.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';

export interface LifecycleTarget {
  /** Declares one test (skipped where the engine is not available). */
  test(name: string, fn: () => Promise<void>): void;
  engine(): StorageEngine;
  /** Whether a record table is in the store. */
  tableExists(table: string): Promise<boolean>;
}

function isCode(code: string) {
  return (error: unknown) => isPortalError(error) && error.code === code;
}

async function load(engine: StorageEngine, datasetId: string, rows: number, createdBy?: string) {
  const writer = await engine.beginVersion({
    datasetId,
    fields: SAMPLE_FIELDS,
    source: `${datasetId}-${rows}.csv`,
    createdBy: createdBy ?? null,
  });
  await writer.append(sampleRows(rows));
  return writer.commit();
}

async function newUser(engine: StorageEngine, name: string) {
  return engine.accounts.createUser({
    email: `${name}@example.org`,
    name,
    passwordHash: 'x',
    role: 'editor',
  });
}

export function defineLifecycleCases(target: LifecycleTarget): void {
  const { test } = target;

  test('new datasets are published with no owner unless told; updates keep both', async () => {
    const { metadata } = target.engine();
    const plain = await metadata.saveDataset({ id: 'lc-plain', metas: emptyMetas('Plain') });
    assert.equal(plain.published, true);
    assert.equal(plain.ownerId, null);
    const owner = await newUser(target.engine(), 'owner');
    const draft = await metadata.saveDataset({
      id: 'lc-draft',
      metas: emptyMetas('Draft'),
      published: false,
      ownerId: owner.id,
    });
    assert.equal(draft.published, false);
    assert.equal(draft.ownerId, owner.id);
    const updated = await metadata.saveDataset({ id: 'lc-draft', metas: emptyMetas('Draft 2') });
    assert.equal(updated.published, false, 'an unset flag keeps the previous one');
    assert.equal(updated.ownerId, owner.id, 'an unset owner keeps the previous one');
    const cleared = await metadata.saveDataset({
      id: 'lc-draft',
      metas: emptyMetas('Draft 3'),
      ownerId: null,
      published: true,
    });
    assert.equal(cleared.ownerId, null);
    assert.equal(cleared.published, true);
  });

  test('deleting the owner leaves the dataset without owner', async () => {
    const engine = target.engine();
    const owner = await newUser(engine, 'leaving');
    await engine.metadata.saveDataset({
      id: 'lc-orphan',
      metas: emptyMetas('O'),
      ownerId: owner.id,
    });
    await engine.accounts.deleteUser(owner.id);
    assert.equal((await engine.metadata.getDataset('lc-orphan'))?.ownerId, null);
  });

  test('publish and unpublish flip the flag; an unknown dataset is not found', async () => {
    const { metadata } = target.engine();
    await metadata.saveDataset({ id: 'lc-flip', metas: emptyMetas('Flip') });
    const hidden = await metadata.setPublished('lc-flip', false);
    assert.equal(hidden.published, false);
    assert.equal((await metadata.getDataset('lc-flip'))?.published, false);
    assert.equal((await metadata.listDatasets()).find((d) => d.id === 'lc-flip')?.published, false);
    assert.equal((await metadata.setPublished('lc-flip', true)).published, true);
    await assert.rejects(
      metadata.setPublished('lc-nope', true),
      isCode('DG_ERR_DATASET_NOT_FOUND'),
    );
  });

  test('a version remembers who loaded it', async () => {
    const engine = target.engine();
    const author = await newUser(engine, 'author');
    await engine.metadata.saveDataset({ id: 'lc-author', metas: emptyMetas('A') });
    const byUser = await load(engine, 'lc-author', 2, author.id);
    assert.equal(byUser.createdBy, author.id);
    const writer = await engine.beginVersion({
      datasetId: 'lc-author',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await writer.append(sampleRows(1));
    const anonymous = await writer.commit();
    assert.equal(anonymous.createdBy, null);
    const listed = await engine.metadata.listVersions('lc-author');
    assert.deepEqual(
      listed.map((v) => v.createdBy),
      [null, author.id],
    );
  });

  test('the latest version of each dataset is listed, failed ones included', async () => {
    const engine = target.engine();
    await engine.metadata.saveDataset({ id: 'lc-latest', metas: emptyMetas('L') });
    await load(engine, 'lc-latest', 2);
    const failing = await engine.beginVersion({
      datasetId: 'lc-latest',
      fields: SAMPLE_FIELDS,
      source: 'broken.csv',
    });
    await failing.abort('line 3: bad date');
    const latest = (await engine.metadata.latestVersions()).get('lc-latest');
    assert.equal(latest?.status, 'failed');
    assert.equal(latest?.error, 'line 3: bad date');
    assert.equal((await engine.metadata.latestVersions()).has('lc-plain'), false);
  });

  test('rollback makes the previous version current and retires the current one', async () => {
    const engine = target.engine();
    await engine.metadata.saveDataset({ id: 'lc-roll', metas: emptyMetas('R') });
    await assert.rejects(
      engine.metadata.rollbackDataset('lc-roll'),
      isCode('DG_ERR_DATASET_NO_PREVIOUS_VERSION'),
    );
    const first = await load(engine, 'lc-roll', 1);
    await assert.rejects(
      engine.metadata.rollbackDataset('lc-roll'),
      isCode('DG_ERR_DATASET_NO_PREVIOUS_VERSION'),
    );
    const second = await load(engine, 'lc-roll', 2);
    const third = await load(engine, 'lc-roll', 3);
    const back = await engine.metadata.rollbackDataset('lc-roll');
    assert.equal(back.from.id, third.id);
    assert.equal(back.from.status, 'retired');
    assert.equal(back.to.id, second.id);
    assert.equal(back.to.status, 'ready');
    const dataset = await engine.metadata.getDataset('lc-roll');
    assert.equal(dataset?.current?.id, second.id);
    assert.equal(dataset?.current?.recordsCount, 2);
    const rows = await engine.query({ sql: `SELECT count(*) FROM "${second.table}"`, params: [] });
    assert.equal(Number(rows[0]![0]), 2, 'the restored table still holds its records');

    const further = await engine.metadata.rollbackDataset('lc-roll');
    assert.equal(further.to.id, first.id, 'a second rollback goes one version further back');
    assert.equal((await engine.metadata.getDataset('lc-roll'))?.current?.id, first.id);
    await assert.rejects(
      engine.metadata.rollbackDataset('lc-roll'),
      isCode('DG_ERR_DATASET_NO_PREVIOUS_VERSION'),
    );
    await assert.rejects(
      engine.metadata.rollbackDataset('lc-none'),
      isCode('DG_ERR_DATASET_NOT_FOUND'),
    );
  });

  test('rollback skips retired versions whose table was dropped', async () => {
    const engine = target.engine();
    await engine.metadata.saveDataset({ id: 'lc-old', metas: emptyMetas('Old') });
    const versions: DatasetVersion[] = [];
    for (let n = 1; n <= 4; n++) versions.push(await load(engine, 'lc-old', n));
    // Two retired versions keep their tables: the first one's is gone.
    assert.equal(await target.tableExists(versions[0]!.table), false);
    assert.equal((await engine.metadata.rollbackDataset('lc-old')).to.id, versions[2]!.id);
    assert.equal((await engine.metadata.rollbackDataset('lc-old')).to.id, versions[1]!.id);
    await assert.rejects(
      engine.metadata.rollbackDataset('lc-old'),
      isCode('DG_ERR_DATASET_NO_PREVIOUS_VERSION'),
    );
    assert.equal((await engine.metadata.getDataset('lc-old'))?.current?.id, versions[1]!.id);
  });

  test('deleting a dataset drops its tables and rows, and frees its id', async () => {
    const engine = target.engine();
    await engine.metadata.saveDataset({ id: 'lc-gone', metas: emptyMetas('Gone') });
    const first = await load(engine, 'lc-gone', 2);
    const second = await load(engine, 'lc-gone', 3);
    await engine.metadata.saveAttachment({
      datasetId: 'lc-gone',
      id: 'notice',
      title: 'Notice',
      mimetype: 'application/pdf',
      fileName: 'notice.pdf',
    });
    const deleted = await engine.metadata.deleteDataset('lc-gone');
    assert.equal(deleted.id, 'lc-gone');
    assert.equal(deleted.current?.id, second.id);
    assert.equal(deleted.attachments.length, 1);
    assert.equal(await engine.metadata.getDataset('lc-gone'), null);
    assert.deepEqual(await engine.metadata.listVersions('lc-gone'), []);
    assert.equal(await target.tableExists(first.table), false);
    assert.equal(await target.tableExists(second.table), false);
    await assert.rejects(
      engine.metadata.deleteDataset('lc-gone'),
      isCode('DG_ERR_DATASET_NOT_FOUND'),
    );
    const again = await engine.metadata.saveDataset({ id: 'lc-gone', metas: emptyMetas('New') });
    assert.equal(again.current, null);
    assert.deepEqual(again.attachments, []);
  });

  test('attachments are replaced by id and deleted one by one', async () => {
    const { metadata } = target.engine();
    await metadata.saveDataset({ id: 'lc-files', metas: emptyMetas('Files') });
    const input = {
      datasetId: 'lc-files',
      id: 'notice_pdf',
      title: 'Notice',
      mimetype: 'application/pdf',
      fileName: 'notice.pdf',
    };
    await metadata.saveAttachment(input);
    await metadata.saveAttachment({ ...input, id: 'data_zip', fileName: 'data.zip' });
    await metadata.saveAttachment({ ...input, title: 'Notice 2025', fileName: 'notice-2025.pdf' });
    const saved = (await metadata.getDataset('lc-files'))!;
    assert.deepEqual(saved.attachments.map((a) => [a.id, a.title, a.fileName]).sort(), [
      ['data_zip', 'Notice', 'data.zip'],
      ['notice_pdf', 'Notice 2025', 'notice-2025.pdf'],
    ]);
    assert.equal(await metadata.deleteAttachment('lc-files', 'notice_pdf'), true);
    assert.equal(await metadata.deleteAttachment('lc-files', 'notice_pdf'), false);
    assert.equal(await metadata.deleteAttachment('lc-nothing', 'notice_pdf'), false);
    const after = (await metadata.getDataset('lc-files'))!;
    assert.deepEqual(
      after.attachments.map((a) => a.id),
      ['data_zip'],
    );
  });

  test('the activity log keeps entries newest first, filtered and paged', async () => {
    const { metadata } = target.engine();
    const diff = { published: { before: true, after: false } };
    const first = await metadata.appendActivity({
      userId: 'u_alice',
      action: 'dataset.unpublish',
      datasetId: 'act-a',
      diff,
    });
    assert.equal(first.userId, 'u_alice');
    assert.equal(first.action, 'dataset.unpublish');
    assert.equal(first.datasetId, 'act-a');
    assert.deepEqual(first.diff, diff);
    assert.match(first.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await metadata.appendActivity({
      userId: 'u_bob',
      action: 'dataset.publish',
      datasetId: 'act-a',
    });
    await metadata.appendActivity({
      userId: 'u_alice',
      action: 'dataset.delete',
      datasetId: 'act-b',
    });
    await metadata.appendActivity({ userId: null, action: 'dataset.rollback', datasetId: 'act-b' });

    const all = await metadata.listActivity({ limit: 10, offset: 0 });
    assert.equal(all.total, 4);
    assert.deepEqual(
      all.entries.map((e) => e.action),
      ['dataset.rollback', 'dataset.delete', 'dataset.publish', 'dataset.unpublish'],
    );
    assert.equal(all.entries[0]!.diff, null);
    assert.deepEqual(all.entries[3], first);

    const byUser = await metadata.listActivity({ userId: 'u_alice', limit: 10, offset: 0 });
    assert.deepEqual(
      byUser.entries.map((e) => e.action),
      ['dataset.delete', 'dataset.unpublish'],
    );
    const byBoth = await metadata.listActivity({
      datasetId: 'act-a',
      action: 'dataset.publish',
      limit: 10,
      offset: 0,
    });
    assert.equal(byBoth.total, 1);
    assert.equal(byBoth.entries[0]!.userId, 'u_bob');

    const page = await metadata.listActivity({ limit: 2, offset: 2 });
    assert.equal(page.total, 4);
    assert.deepEqual(
      page.entries.map((e) => e.action),
      ['dataset.publish', 'dataset.unpublish'],
    );
    const none = await metadata.listActivity({ action: 'dataset.create', limit: 10, offset: 0 });
    assert.deepEqual(none, { entries: [], total: 0 });
  });

  test('an activity entry with a malformed action is refused', async () => {
    await assert.rejects(
      target
        .engine()
        .metadata.appendActivity({ userId: null, action: 'Publish!', datasetId: null }),
      TypeError,
    );
  });
}
