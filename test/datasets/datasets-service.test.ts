// The back office's datasets service on a real SQLite store: who sees which datasets, their
// states, search, paging, and the lifecycle actions with what they write to the activity log.

import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { viewerOf } from '../../src/auth/index.ts';
import { AttachmentFiles, CatalogService } from '../../src/catalog/index.ts';
import type { Viewer } from '../../src/core/access.ts';
import type { Role } from '../../src/core/account.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import { ActivityLog, DatasetsService } from '../../src/datasets/index.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

let temp: TempSqliteEngine;
let service: DatasetsService;
let activity: ActivityLog;
const viewers = {} as Record<'admin' | 'editor' | 'user', Viewer>;
let attachmentsDir: string;

async function load(datasetId: string, rows: number, createdBy: string | null = null) {
  const writer = await temp.engine.beginVersion({
    datasetId,
    fields: SAMPLE_FIELDS,
    source: `${datasetId}.csv`,
    createdBy,
  });
  await writer.append(sampleRows(rows));
  return writer.commit();
}

function isCode(code: string) {
  return (error: unknown) => isPortalError(error) && error.code === code;
}

before(async () => {
  temp = await openTempSqliteEngine({ readers: 1 });
  const { metadata, accounts } = temp.engine;
  activity = new ActivityLog(metadata);
  attachmentsDir = join(temp.dir, 'attachments');
  const attachments = new AttachmentFiles(metadata, new CatalogService(metadata), attachmentsDir);
  service = new DatasetsService(metadata, accounts, activity, attachments);
  for (const role of ['admin', 'editor', 'user'] as Role[]) {
    const user = await accounts.createUser({
      email: `${role}@example.org`,
      name: `The ${role}`,
      passwordHash: 'x',
      role,
    });
    viewers[role as 'admin'] = viewerOf(user, 'session', 'write');
  }
  await metadata.saveDataset({
    id: 'bakeries',
    metas: emptyMetas('Boulangeries inspectées'),
    ownerId: viewers.editor.userId,
  });
  await metadata.saveDataset({ id: 'drafted', metas: emptyMetas('Brouillon'), published: false });
  await metadata.saveDataset({
    id: 'secret',
    metas: emptyMetas('Secret'),
    visibility: 'restricted',
  });
  await metadata.saveDataset({ id: 'broken', metas: emptyMetas('Broken import') });
  await load('bakeries', 3, viewers.editor.userId);
  await load('bakeries', 5, viewers.admin.userId);
  await load('broken', 2);
  const failing = await temp.engine.beginVersion({
    datasetId: 'broken',
    fields: SAMPLE_FIELDS,
    source: 'bad.csv',
  });
  await failing.abort('line 2: not a number');
  const notice = join(temp.dir, 'notice.txt');
  writeFileSync(notice, 'About the draft.\n');
  await attachments.add('drafted', notice);
  await accounts.setEditableDatasets(viewers.editor.userId!, ['bakeries', 'drafted']);
  const editor = await accounts.getUser(viewers.editor.userId!);
  viewers.editor = viewerOf(editor!, 'session', 'write');
});
after(() => temp.cleanup());

const all = { q: '', state: null, page: 1, pageSize: 20 };

test('administrators list every dataset with its state, records and owner', async () => {
  const list = await service.list(viewers.admin, all);
  assert.equal(list.total, 4);
  const byId = new Map(list.rows.map((row) => [row.dataset.id, row]));
  assert.equal(byId.get('drafted')?.publication, 'draft');
  assert.equal(byId.get('secret')?.publication, 'restricted');
  assert.equal(byId.get('bakeries')?.publication, 'published');
  assert.equal(byId.get('bakeries')?.recordsCount, 5);
  assert.equal(byId.get('bakeries')?.ownerName, 'The editor');
  assert.equal(byId.get('broken')?.importFailed, true);
  assert.equal(byId.get('broken')?.recordsCount, 2, 'the version before still counts');
  assert.equal(byId.get('bakeries')?.importFailed, false);
});

test('editors list only the datasets they may edit; others may not manage at all', async () => {
  const list = await service.list(viewers.editor, all);
  assert.deepEqual(list.rows.map((r) => r.dataset.id).sort(), ['bakeries', 'drafted']);
  assert.equal(service.mayManage(viewers.user), false);
  assert.equal((await service.list(viewers.user, all)).total, 0);
});

test('search on id and title ignores case and accents; states filter; pages', async () => {
  const found = await service.list(viewers.admin, { ...all, q: 'BOULANGERIES inspectees' });
  assert.deepEqual(
    found.rows.map((r) => r.dataset.id),
    ['bakeries'],
  );
  const byId = await service.list(viewers.admin, { ...all, q: 'secr' });
  assert.deepEqual(
    byId.rows.map((r) => r.dataset.id),
    ['secret'],
  );
  for (const [state, ids] of [
    ['draft', ['drafted']],
    ['restricted', ['secret']],
    ['failed', ['broken']],
    ['published', ['bakeries', 'broken']],
  ] as const) {
    const list = await service.list(viewers.admin, { ...all, state });
    assert.deepEqual(list.rows.map((r) => r.dataset.id).sort(), ids, state);
  }
  const second = await service.list(viewers.admin, { ...all, page: 2, pageSize: 3 });
  assert.equal(second.pages, 2);
  assert.equal(second.rows.length, 1);
  const beyond = await service.list(viewers.admin, { ...all, page: 9, pageSize: 3 });
  assert.equal(beyond.page, 2, 'a page past the end shows the last one');
});

test('the overview has the history newest first, with who made each version', async () => {
  const overview = await service.overview(viewers.editor, 'bakeries');
  assert.deepEqual(
    overview.versions.map((v) => v.recordsCount),
    [5, 3],
  );
  assert.equal(overview.authors.get(viewers.admin.userId!), 'The admin');
  assert.equal(overview.authors.get(viewers.editor.userId!), 'The editor');
  await assert.rejects(
    service.overview(viewers.editor, 'secret'),
    isCode('DG_ERR_DATASET_EDIT_FORBIDDEN'),
  );
  await assert.rejects(
    service.overview(viewers.user, 'bakeries'),
    isCode('DG_ERR_DATASET_EDIT_FORBIDDEN'),
  );
  await assert.rejects(
    service.overview(viewers.admin, 'nothing'),
    isCode('DG_ERR_DATASET_NOT_FOUND'),
  );
});

test('publish, unpublish, rollback and delete write who did what to the log', async () => {
  await service.setPublished(viewers.editor, 'bakeries', false);
  await service.setPublished(viewers.editor, 'bakeries', false);
  await service.setPublished(viewers.admin, 'bakeries', true);
  const rollback = await service.rollback(viewers.editor, 'bakeries');
  assert.equal(rollback.to.recordsCount, 3);
  await assert.rejects(
    service.setPublished(viewers.editor, 'secret', false),
    isCode('DG_ERR_DATASET_EDIT_FORBIDDEN'),
  );
  assert.ok(existsSync(join(attachmentsDir, 'drafted', 'notice.txt')));
  await service.delete(viewers.editor, 'drafted');
  assert.ok(!existsSync(join(attachmentsDir, 'drafted')), 'its attachment files are removed');
  assert.ok(existsSync(attachmentsDir));
  assert.equal(await temp.engine.metadata.getDataset('drafted'), null);

  const log = await activity.list({ limit: 10, offset: 0 });
  assert.deepEqual(
    log.entries.map((e) => [e.action, e.userId, e.datasetId]),
    [
      ['dataset.delete', viewers.editor.userId, 'drafted'],
      ['dataset.rollback', viewers.editor.userId, 'bakeries'],
      ['dataset.publish', viewers.admin.userId, 'bakeries'],
      ['dataset.unpublish', viewers.editor.userId, 'bakeries'],
    ],
    'unpublishing a draft again changes nothing and logs nothing; a refusal logs nothing',
  );
  assert.deepEqual(log.entries[3]!.diff, { published: { before: true, after: false } });
  assert.deepEqual(log.entries[1]!.diff?.['records_count'], { before: 5, after: 3 });
  assert.deepEqual(log.entries[0]!.diff?.['title'], { before: 'Brouillon', after: null });
});
