import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { isPortalError } from '../../src/core/errors.ts';
import type { StorageEngine } from '../../src/storage/engine.ts';
import { SAMPLE_FIELDS, field, sampleRow, sampleRows } from '../helpers/sample-fields.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openTempSqliteEngine();
  engine = temp.engine;
});
after(() => temp.cleanup());

async function load(datasetId: string, rows = sampleRows(10), fields = SAMPLE_FIELDS) {
  if (!(await engine.metadata.getDataset(datasetId))) {
    await engine.metadata.saveDataset({ id: datasetId, metas: emptyMetas(datasetId) });
  }
  const writer = await engine.beginVersion({ datasetId, fields, source: `${datasetId}.csv` });
  await writer.append(rows);
  return writer.commit();
}

async function tableNames(): Promise<string[]> {
  const rows = await engine.query({
    sql: `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'records%'`,
    params: [],
  });
  return rows.map((r) => r[0] as string);
}

test('a loaded version is current and its records come back in raw form', async () => {
  const version = await load('cafes', sampleRows(3));
  assert.equal(version.status, 'ready');
  assert.equal(version.recordsCount, 3);
  assert.equal(version.table, `records_${version.id}`);
  assert.equal(version.source, 'cafes.csv');
  const dataset = await engine.metadata.getDataset('cafes');
  assert.deepEqual(dataset?.current, version);
  assert.equal(dataset?.dataProcessedAt, version.committedAt);

  const rows = await engine.query({
    sql: `SELECT * FROM "${version.table}" WHERE "count" = ?`,
    params: [2],
  });
  assert.equal(rows.length, 1);
  const [rowid, id, ...cells] = rows[0]!;
  assert.equal(rowid, 3);
  assert.match(id as string, /^[0-9a-f]{40}$/);
  assert.deepEqual(cells, [
    'Café n°2',
    'Lyon',
    '["a","t2"]',
    2,
    0.5,
    1,
    '2024-01-03',
    Date.UTC(2024, 0, 1, 12, 0, 2),
    45.002,
    4.002,
    '{"type":"Polygon","coordinates":[[[4,45],[5,45],[5,46],[4,45]]]}',
    4,
    45,
    5,
    46,
    '{"n":2}',
  ]);
});

test('null cells are stored as NULL in every column', async () => {
  const version = await load('empty', [SAMPLE_FIELDS.map(() => null)]);
  const [row] = await engine.query({ sql: `SELECT * FROM "${version.table}"`, params: [] });
  assert.deepEqual(row!.slice(2), new Array(16).fill(null));
});

test('record ids are the same when the same content is loaded again', async () => {
  const first = await load('stable', sampleRows(5));
  const second = await load('stable', sampleRows(5));
  const ids = async (table: string) =>
    (await engine.query({ sql: `SELECT _id FROM "${table}" ORDER BY _rowid`, params: [] })).flat();
  const firstIds = await ids(first.table);
  assert.deepEqual(await ids(second.table), firstIds);
  assert.equal(new Set(firstIds).size, 5);
});

test('full-text search finds records without diacritics, in multivalued fields too', async () => {
  const version = await load('search', sampleRows(20));
  const fts = `${version.table}_fts`;
  const search = (text: string) =>
    engine.query({
      sql: `SELECT "count" FROM "${version.table}" WHERE _rowid IN (SELECT rowid FROM "${fts}" WHERE "${fts}" MATCH ?) ORDER BY "count"`,
      params: [text],
    });
  assert.deepEqual(await search('cafe 7'), [[7]]);
  assert.deepEqual(await search('t12'), [[12]]);
  assert.equal((await search('nantes')).length, 10);
});

test('indexes exist on the id, facets, sortables, dates and geo points', async () => {
  const version = await load('indexed', sampleRows(2));
  const indexes = await engine.query({
    sql: `SELECT il.name, ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii ORDER BY il.name, ii.seqno`,
    params: [version.table],
  });
  const columns = new Map<string, string[]>();
  for (const [index, column] of indexes) {
    columns.set(index as string, [...(columns.get(index as string) ?? []), column as string]);
  }
  assert.deepEqual(
    [...columns.values()].map((c) => c.join(',')).sort(),
    ['_id', 'city', 'day', 'location$lat,location$lon', 'name', 'seen'].sort(),
  );
});

test('a dataset without text fields has no full-text table', async () => {
  const version = await load('numbers', [[1], [2]], [field('n', 'int')]);
  assert.ok(!(await tableNames()).includes(`${version.table}_fts`));
  assert.deepEqual(await engine.query({ sql: `SELECT n FROM "${version.table}"`, params: [] }), [
    [1],
    [2],
  ]);
});

test('a second version replaces the first, which is retired but kept', async () => {
  const first = await load('swap', sampleRows(4));
  const writer = await engine.beginVersion({
    datasetId: 'swap',
    fields: SAMPLE_FIELDS,
    source: 'v2.csv',
  });
  await writer.append(sampleRows(6, 100));
  // Loading: the first version still serves.
  assert.equal((await engine.metadata.getDataset('swap'))?.current?.id, first.id);
  assert.equal(writer.version.status, 'loading');
  const second = await writer.commit();
  const dataset = await engine.metadata.getDataset('swap');
  assert.equal(dataset?.current?.id, second.id);
  assert.equal(dataset?.current?.recordsCount, 6);
  const versions = await engine.metadata.listVersions('swap');
  assert.deepEqual(
    versions.map((v) => [v.id, v.status]),
    [
      [second.id, 'ready'],
      [first.id, 'retired'],
    ],
  );
  const [[count]] = (await engine.query({
    sql: `SELECT count(*) FROM "${first.table}"`,
    params: [],
  })) as [[number]];
  assert.equal(count, 4, 'the retired table is kept for a rollback');
});

test('only the two most recent retired versions keep their tables', async () => {
  const loaded = [];
  for (let i = 0; i < 5; i++) loaded.push(await load('many', sampleRows(2)));
  const versions = await engine.metadata.listVersions('many');
  assert.deepEqual(
    versions.map((v) => [v.id, v.status]),
    [
      [loaded[4]!.id, 'ready'],
      [loaded[3]!.id, 'retired'],
      [loaded[2]!.id, 'retired'],
    ],
  );
  const tables = await tableNames();
  for (const old of loaded.slice(0, 2)) {
    assert.ok(!tables.includes(old.table), `${old.table} is dropped`);
    assert.ok(!tables.includes(`${old.table}_fts`), `${old.table}_fts is dropped`);
  }
  for (const kept of loaded.slice(2)) assert.ok(tables.includes(kept.table));
});

test('an aborted version leaves the previous one current and serving', async () => {
  const first = await load('aborted', sampleRows(3));
  const writer = await engine.beginVersion({
    datasetId: 'aborted',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  await writer.append(sampleRows(70_000));
  await writer.abort('the file is truncated');
  const dataset = await engine.metadata.getDataset('aborted');
  assert.equal(dataset?.current?.id, first.id);
  const [failed] = await engine.metadata.listVersions('aborted');
  assert.equal(failed?.status, 'failed');
  assert.equal(failed?.error, 'the file is truncated');
  assert.ok(!(await tableNames()).includes(writer.version.table));
  assert.deepEqual(
    await engine.query({ sql: `SELECT count(*) FROM "${first.table}"`, params: [] }),
    [[3]],
  );
  assert.throws(() => writer.append([sampleRow(1)]), /already aborted/);
});

test('beginning a version of an unknown dataset fails', async () => {
  await assert.rejects(
    engine.beginVersion({ datasetId: 'ghost', fields: SAMPLE_FIELDS, source: null }),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_DATASET_NOT_FOUND',
  );
});

test('a record with the wrong number of cells is refused', async () => {
  await engine.metadata.saveDataset({ id: 'short', metas: emptyMetas('Short') });
  const writer = await engine.beginVersion({
    datasetId: 'short',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  assert.throws(() => writer.append([[1, 2]]), /2 cells where 11 fields/);
  await writer.abort('bad record');
});

test('after a failed append, a writer refuses more records and its commit', async () => {
  await engine.metadata.saveDataset({ id: 'broken', metas: emptyMetas('Broken') });
  const writer = await engine.beginVersion({
    datasetId: 'broken',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  await writer.append(sampleRows(100));
  assert.throws(() => writer.append([...sampleRows(100, 100), [1, 2]]), /2 cells/);
  assert.throws(() => writer.append(sampleRows(1)), /already failed/);
  await assert.rejects(writer.commit(), /already failed/);
  await writer.abort('broken batch');
  const [version] = await engine.metadata.listVersions('broken');
  assert.equal(version?.status, 'failed');
});

test('two loads can interleave on the one connection', async () => {
  await engine.metadata.saveDataset({ id: 'left', metas: emptyMetas('Left') });
  await engine.metadata.saveDataset({ id: 'right', metas: emptyMetas('Right') });
  const left = await engine.beginVersion({
    datasetId: 'left',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  const right = await engine.beginVersion({
    datasetId: 'right',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  for (let i = 0; i < 6; i++) {
    await left.append(sampleRows(20_000, i * 20_000));
    await right.append(sampleRows(1_000, i * 1_000));
  }
  const [l, r] = await Promise.all([left.commit(), right.commit()]);
  assert.equal(l.recordsCount, 120_000);
  assert.equal(r.recordsCount, 6_000);
  assert.deepEqual(
    await engine.query({ sql: `SELECT count(*), max("count") FROM "${l.table}"`, params: [] }),
    [[120_000, 119_999]],
  );
  assert.throws(() => left.append([sampleRow(0)]), /already committed/);
});
