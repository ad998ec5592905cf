// Versions: loading by COPY with every field type, full text, replacing, aborting, retention.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import type { Row } from '../../../src/core/cell.ts';
import { emptyMetas } from '../../../src/core/dataset.ts';
import { PortalError } from '../../../src/core/errors.ts';
import type { Field } from '../../../src/core/field.ts';
import type { StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { recordId } from '../../../src/storage/postgres/record-id.ts';
import { POSTGRES_URL, adminQuery, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;

before(async () => {
  if (unreachable === null) engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
});
after(async () => {
  await engine?.close();
});

function field(name: string, type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name, label: name.toUpperCase(), type, description: null, annotations };
}

const FIELDS: Field[] = [
  field('name', 'text', { facet: [] }),
  field('tags', 'text', { multivalued: [';'], facet: [] }),
  field('count', 'int', { sortable: [] }),
  field('score', 'double'),
  field('open', 'boolean'),
  field('day', 'date'),
  field('at', 'datetime'),
  field('position', 'geo_point_2d'),
  field('area', 'geo_shape'),
  field('extra', 'json_blob'),
  field('photo', 'file'),
];

const TRICKY = 'Café «Noël»\ttab\nnew line\r\nback\\slash "double" \'single\' \\N \\. {a,b} ü東京';
const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [2.1, 48.7],
      [2.5, 48.7],
      [2.5, 49.0],
      [2.1, 48.7],
    ],
  ],
};
const PHOTO = { id: 'f1d2', filename: 'façade "nord".jpg', mimetype: 'image/jpeg', width: 640 };
const ROWS: Row[] = [
  [
    TRICKY,
    ['viande', 'a "quoted" tag', 'back\\slash', 'NULL', 'with,comma', 'tab\there'],
    9007199254740991,
    -1.25e-7,
    true,
    '2024-02-29',
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    { lat: 48.8566, lon: 2.3522 },
    POLYGON,
    { nested: { list: [1, 'two', null], text: 'a\tb\\c' }, ok: true },
    PHOTO,
  ],
  ['Boulangerie du Marché', [], -42, 0, false, '1900-01-01', 0, null, null, [1, 2, 3], null],
  [null, null, null, null, null, null, null, null, null, null, null],
];

async function loadVersion(datasetId: string, rows: Row[], fields = FIELDS) {
  const writer = await engine.beginVersion({ datasetId, fields, source: `${datasetId}.csv` });
  await writer.append(rows);
  return writer.commit();
}

async function rows(sql: string, params: unknown[] = []): Promise<unknown[][]> {
  return engine.query({ sql, params });
}

pgTest('every field type is loaded by COPY and read back in canonical raw forms', async () => {
  await engine.metadata.saveDataset({ id: 'every-type', metas: emptyMetas('Every type') });
  const version = await loadVersion('every-type', ROWS);
  assert.equal(version.status, 'ready');
  assert.equal(version.recordsCount, 3);
  assert.equal(version.table, `records_${version.id}`);
  assert.equal(version.source, 'every-type.csv');
  assert.deepEqual(version.fields, FIELDS);

  const result = await rows(
    `SELECT _rowid, _id, name, tags, count, score, open, day, at, "position$lat", "position$lon",
            area, "area$xmin", "area$ymin", "area$xmax", "area$ymax", extra, photo
     FROM ${version.table} ORDER BY _rowid`,
  );
  assert.deepEqual(result, [
    [
      1,
      recordId(ROWS[0]!),
      TRICKY,
      ['viande', 'a "quoted" tag', 'back\\slash', 'NULL', 'with,comma', 'tab\there'],
      9007199254740991,
      -1.25e-7,
      true,
      '2024-02-29',
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      48.8566,
      2.3522,
      POLYGON,
      2.1,
      48.7,
      2.5,
      49.0,
      { nested: { list: [1, 'two', null], text: 'a\tb\\c' }, ok: true },
      PHOTO,
    ],
    [
      2,
      recordId(ROWS[1]!),
      'Boulangerie du Marché',
      [],
      -42,
      0,
      false,
      '1900-01-01',
      0,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      [1, 2, 3],
      null,
    ],
    [3, recordId(ROWS[2]!), ...Array(16).fill(null)],
  ]);
  // Aggregates come back as numbers too (count → int8, sum of bigint → numeric).
  assert.deepEqual(await rows(`SELECT count(*), sum(count), avg(score) FROM ${version.table}`), [
    [3, 9007199254740991 - 42, (-1.25e-7 + 0) / 2],
  ]);
});

pgTest('computed values come back in the same canonical forms', async () => {
  const table = (await engine.metadata.getDataset('every-type'))!.current!.table;
  const result = await rows(
    `SELECT date_trunc('month', at), at::date, extract(year FROM at), at AT TIME ZONE 'UTC',
            array_agg(count ORDER BY _rowid), array_agg(day ORDER BY _rowid),
            array_agg(at ORDER BY _rowid), count(*)::numeric / 4, '{"a": [1]}'::json
     FROM ${table} WHERE _rowid = 1
     GROUP BY at`,
  );
  const at = Date.UTC(2024, 1, 29, 23, 59, 59, 999);
  assert.deepEqual(result, [
    [
      Date.UTC(2024, 1, 1),
      '2024-02-29',
      2024,
      at,
      [9007199254740991],
      ['2024-02-29'],
      [at],
      0.25,
      { a: [1] },
    ],
  ]);
});

pgTest(
  'full text matches words of the text fields, folded (lowercase, no accents), in the simple config',
  async () => {
    const dataset = await engine.metadata.getDataset('every-type');
    const table = dataset!.current!.table;
    const match = (query: string) =>
      rows(`SELECT _rowid FROM ${table} WHERE _fts @@ to_tsquery('simple', $1) ORDER BY _rowid`, [
        query,
      ]);
    assert.deepEqual(await match('boulangerie'), [[2]]);
    assert.deepEqual(await match('noel'), [[1]], 'the documents are stored without accents');
    assert.deepEqual(await match('noël'), [], 'query terms are folded by the ODSQL compiler');
    assert.deepEqual(await match('cafe & slash'), [[1]]);
    assert.deepEqual(await match('viande'), [[1]], 'multivalued text is searched too');
    assert.deepEqual(await match('march:*'), [[2]], 'prefix search');
    assert.deepEqual(await match('absent'), []);
  },
);

pgTest('indexes are built after the load and the table is analysed', async () => {
  const dataset = await engine.metadata.getDataset('every-type');
  const table = dataset!.current!.table;
  const indexes = await adminQuery<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
    [schema, table],
  );
  const defs = indexes.rows.map((row) => row.indexdef.replace(/^.* USING /, ''));
  assert.deepEqual(defs.sort(), [
    'btree ("position$lat", "position$lon")',
    'btree (_id)',
    'btree (_rowid)',
    'btree (at)',
    'btree (count)',
    'btree (day)',
    'btree (name)',
    'gin (_fts)',
    'gin (tags)',
  ]);
  const stats = await adminQuery<{ analyzed: Date | null }>(
    `SELECT last_analyze AS analyzed FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2`,
    [schema, table],
  );
  assert.ok(stats.rows[0]?.analyzed);
});

pgTest('a version for an unknown dataset is refused', async () => {
  await assert.rejects(
    engine.beginVersion({ datasetId: 'missing', fields: FIELDS, source: null }),
    (error: unknown) =>
      error instanceof PortalError &&
      error.code === 'DG_ERR_DATASET_NOT_FOUND' &&
      error.params['dataset_id'] === 'missing',
  );
});

pgTest('a second version replaces the first atomically; readers never see it loading', async () => {
  await engine.metadata.saveDataset({ id: 'replaced', metas: emptyMetas('Replaced') });
  const first = await loadVersion('replaced', [ROWS[0]!]);
  const before = await engine.metadata.getDataset('replaced');
  const writer = await engine.beginVersion({ datasetId: 'replaced', fields: FIELDS, source: null });
  assert.equal(writer.version.status, 'loading');
  await writer.append([ROWS[1]!, ROWS[2]!]);
  // While it loads, the dataset still shows the first version and the new table is invisible.
  const during = await engine.metadata.getDataset('replaced');
  assert.equal(during!.current!.id, first.id);
  await assert.rejects(rows(`SELECT count(*) FROM ${writer.version.table}`), /does not exist/);
  const second = await writer.commit();
  const after = await engine.metadata.getDataset('replaced');
  assert.equal(after!.current!.id, second.id);
  assert.equal(after!.current!.recordsCount, 2);
  assert.ok(after!.dataProcessedAt! > before!.dataProcessedAt!);
  assert.ok(after!.modifiedAt >= after!.dataProcessedAt!);
  const versions = await engine.metadata.listVersions('replaced');
  assert.deepEqual(
    versions.map((v) => [v.id, v.status]),
    [
      [second.id, 'ready'],
      [first.id, 'retired'],
    ],
  );
  assert.deepEqual(await rows(`SELECT count(*) FROM ${second.table}`), [[2]]);
});

pgTest(
  'of two loads committed at once, the last one is current and the other retired',
  async () => {
    await engine.metadata.saveDataset({ id: 'racing', metas: emptyMetas('Racing') });
    const fields = [field('n', 'int')];
    const writers = await Promise.all(
      [1, 2].map(() => engine.beginVersion({ datasetId: 'racing', fields, source: null })),
    );
    await Promise.all(writers.map((writer, i) => writer.append([[i]])));
    const committed = await Promise.all(writers.map((writer) => writer.commit()));
    const versions = await engine.metadata.listVersions('racing');
    const current = (await engine.metadata.getDataset('racing'))!.current!;
    assert.ok(committed.some((v) => v.id === current.id));
    assert.deepEqual(versions.map((v) => v.status).sort(), ['ready', 'retired']);
    assert.equal(versions.find((v) => v.status === 'ready')!.id, current.id);
  },
);

pgTest('abort keeps the previous version current and drops what was loaded', async () => {
  await engine.metadata.saveDataset({ id: 'aborted', metas: emptyMetas('Aborted') });
  const kept = await loadVersion('aborted', [ROWS[0]!]);
  const writer = await engine.beginVersion({ datasetId: 'aborted', fields: FIELDS, source: null });
  await writer.append([ROWS[1]!]);
  await writer.abort('the file was cut short');
  await writer.abort('twice is harmless');
  const dataset = await engine.metadata.getDataset('aborted');
  assert.equal(dataset!.current!.id, kept.id);
  const [latest] = await engine.metadata.listVersions('aborted');
  assert.equal(latest!.id, writer.version.id);
  assert.equal(latest!.status, 'failed');
  assert.equal(latest!.error, 'the file was cut short');
  const table = await adminQuery(`SELECT to_regclass($1) AS t`, [
    `${schema}.${writer.version.table}`,
  ]);
  assert.equal(table.rows[0]!.t, null);
});

pgTest('a value PostgreSQL refuses fails the commit and keeps the previous version', async () => {
  await engine.metadata.saveDataset({ id: 'bad-value', metas: emptyMetas('Bad value') });
  const kept = await loadVersion('bad-value', [ROWS[1]!]);
  const bad = [...ROWS[1]!];
  bad[5] = '2024-02-30';
  const writer = await engine.beginVersion({
    datasetId: 'bad-value',
    fields: FIELDS,
    source: null,
  });
  await writer.append([bad]);
  await assert.rejects(writer.commit(), (error: unknown) => {
    assert.ok(error instanceof PortalError);
    assert.equal(error.code, 'DG_ERR_IMPORT_UNREADABLE');
    assert.match(error.message, /2024-02-30/);
    return true;
  });
  const dataset = await engine.metadata.getDataset('bad-value');
  assert.equal(dataset!.current!.id, kept.id);
  const [failed] = await engine.metadata.listVersions('bad-value');
  assert.equal(failed!.status, 'failed');
  assert.match(failed!.error ?? '', /2024-02-30/);
});

pgTest('a COPY error raised while appending fails the next append and the commit', async () => {
  await engine.metadata.saveDataset({ id: 'early-error', metas: emptyMetas('Early error') });
  const fields = [field('d', 'date')];
  const writer = await engine.beginVersion({ datasetId: 'early-error', fields, source: null });
  await writer.append([['2024-13-01']]);
  // The server reports the bad line while the COPY goes on; give the report time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const isImportError = (error: unknown) =>
    error instanceof PortalError && error.code === 'DG_ERR_IMPORT_UNREADABLE';
  await assert.rejects(async () => writer.append([['2024-01-01']]), isImportError);
  await assert.rejects(writer.commit(), isImportError);
  const [version] = await engine.metadata.listVersions('early-error');
  assert.equal(version!.status, 'failed');
  assert.match(version!.error ?? '', /2024-13-01/);
});

pgTest('a cell that does not fit its field is refused at append', async () => {
  await engine.metadata.saveDataset({ id: 'bad-cell', metas: emptyMetas('Bad cell') });
  const fields = [field('n', 'int')];
  const writer = await engine.beginVersion({ datasetId: 'bad-cell', fields, source: null });
  assert.throws(
    () => writer.append([['twelve']]),
    (error: unknown) => error instanceof PortalError && error.code === 'DG_ERR_IMPORT_UNREADABLE',
  );
  await writer.abort('bad cell');
});

pgTest(
  'the two most recent retired versions keep their tables; older ones are dropped',
  async () => {
    await engine.metadata.saveDataset({ id: 'retention', metas: emptyMetas('Retention') });
    const fields = [field('n', 'int')];
    const loaded = [];
    for (let n = 1; n <= 5; n++) loaded.push(await loadVersion('retention', [[n]], fields));
    const versions = await engine.metadata.listVersions('retention');
    assert.deepEqual(
      versions.map((v) => v.status),
      ['ready', 'retired', 'retired', 'retired', 'retired'],
    );
    const exists = await adminQuery<{ t: string | null }>(
      `SELECT to_regclass(format('%I.%I', $1::text, t)) AS t FROM unnest($2::text[]) AS t`,
      [schema, loaded.map((v) => v.table)],
    );
    assert.deepEqual(
      exists.rows.map((row) => row.t !== null),
      [false, false, true, true, true],
    );
    assert.deepEqual(await rows(`SELECT n FROM ${loaded[4]!.table}`), [[5]]);
  },
);

pgTest('appends wait while the COPY stream is full (back-pressure)', async () => {
  await engine.metadata.saveDataset({ id: 'pressure', metas: emptyMetas('Pressure') });
  const fields = [field('t', 'text')];
  const writer = await engine.beginVersion({ datasetId: 'pressure', fields, source: null });
  const big = 'x'.repeat(1000);
  let waited = 0;
  for (let i = 0; i < 200; i++) {
    const pending = writer.append(Array.from({ length: 100 }, (_, j) => [`${big}${i}-${j}`]));
    if (pending) {
      waited++;
      await pending;
    }
  }
  assert.ok(waited > 0, 'append returned a promise at least once');
  const version = await writer.commit();
  assert.equal(version.recordsCount, 20000);
  assert.deepEqual(await rows(`SELECT count(DISTINCT _id), max(_rowid) FROM ${version.table}`), [
    [20000, 20000],
  ]);
});
