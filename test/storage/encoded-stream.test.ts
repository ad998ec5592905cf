import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { RowEncoding } from '../../src/core/row-encoding.ts';
import { compileRecordsQuery } from '../../src/odsql/index.ts';
import type { RecordsQueryInput } from '../../src/odsql/index.ts';
import type { EncodedQuery, StorageEngine } from '../../src/storage/engine.ts';
import { JSON_ROW_ENCODER } from '../helpers/json-row-encoder.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const RANGE = 50;
const ROWS = 1234;

let temp: TempSqliteEngine;
let engine: StorageEngine;
before(async () => {
  temp = await openTempSqliteEngine({ readers: 2, exportRangeRows: RANGE });
  engine = temp.engine;
  await engine.metadata.saveDataset({ id: 'things', metas: emptyMetas('things') });
  await load();
});
after(() => temp.cleanup());

async function load(): Promise<void> {
  const writer = await engine.beginVersion({
    datasetId: 'things',
    fields: SAMPLE_FIELDS,
    source: null,
  });
  await writer.append(sampleRows(ROWS));
  await writer.commit();
}

async function compile(input: Partial<RecordsQueryInput> = {}): Promise<EncodedQuery> {
  const version = (await engine.metadata.getDataset('things'))!.current!;
  const schema = { table: version.table, fields: version.fields };
  const compiled = compileRecordsQuery({ rowidRanges: true, ...input }, schema, 'sqlite');
  return { sql: compiled.sql, params: compiled.params, ranged: compiled.ranged };
}

const lines: RowEncoding = {
  module: JSON_ROW_ENCODER,
  options: { prefix: '>' },
  separator: '',
  terminator: '\n',
};

/** The rows as `query` gives them, encoded here, independently of the readers. */
async function expected(query: EncodedQuery, encoding: RowEncoding): Promise<string> {
  const rows = await engine.query({ sql: query.sql, params: query.params });
  const prefix = (encoding.options as { prefix: string }).prefix;
  const texts = rows.map((row) => `${prefix}${JSON.stringify(row)}${encoding.terminator}`);
  return texts.join(encoding.separator);
}

async function read(query: EncodedQuery, encoding: RowEncoding): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of engine.streamEncoded(query, encoding)) {
    chunks.push(Buffer.from(chunk.bytes));
  }
  return chunks;
}

test('a whole export read by row id ranges gives the rows in order, as one reader would', async () => {
  const query = await compile();
  assert.ok(query.ranged, 'a whole export can be read by ranges');
  const chunks = await read(query, lines);
  assert.equal(Buffer.concat(chunks).toString(), await expected(query, lines));
  assert.equal(chunks.length, Math.ceil(ROWS / RANGE));
  for (const chunk of chunks) assert.match(chunk.toString(), /^(>\[[^\n]*\n)+$/);
  // The same without ranges: one reader, batches of rows.
  const single = await read({ sql: query.sql, params: query.params }, lines);
  assert.equal(Buffer.concat(single).toString(), await expected(query, lines));
});

test('a separator goes between rows, the caller writes it between chunks', async () => {
  const query = await compile({ select: 'name, count' });
  const array: RowEncoding = {
    module: JSON_ROW_ENCODER,
    options: { prefix: '' },
    separator: ',',
    terminator: '',
  };
  const chunks = await read(query, array);
  assert.ok(chunks.length > 1);
  const text = `[${chunks.map((c) => c.toString()).join(',')}]`;
  assert.deepEqual(JSON.parse(text), await engine.query({ sql: query.sql, params: query.params }));
});

test('filtered exports are read by ranges; searches, sorts and aggregations are not', async () => {
  const filtered = await compile({ where: ['count >= 1000 or count < 10'] });
  assert.ok(filtered.ranged);
  const text = Buffer.concat(await read(filtered, lines)).toString();
  assert.equal(text, await expected(filtered, lines));
  assert.equal(text.split('\n').length - 1, 244);
  assert.equal((await compile({ where: ['"Lyon"'] })).ranged, undefined);
  assert.equal((await compile({ orderBy: 'count desc' })).ranged, undefined);
  assert.equal((await compile({ select: 'count(*)' })).ranged, undefined);
  assert.equal((await compile({ groupBy: 'city' })).ranged, undefined);
});

test('an export goes on over one version while the dataset is republished', async () => {
  const query = await compile();
  const whole = await expected(query, lines);
  const chunks: Buffer[] = [];
  const tableOf = async () => (await engine.metadata.getDataset('things'))!.current!.table;
  const exported = await tableOf();
  for await (const chunk of engine.streamEncoded(query, lines)) {
    if (chunks.length === 0) {
      // Enough republishes to drop the exported version's table.
      for (let i = 0; i < 4; i++) await load();
      const tables = await engine.query({
        sql: `SELECT count(*) FROM sqlite_schema WHERE name = ?`,
        params: [exported],
      });
      assert.deepEqual(tables, [[0]], 'the exported table is dropped');
    }
    chunks.push(Buffer.from(chunk.bytes));
  }
  assert.equal(Buffer.concat(chunks).toString(), whole);
});

test('an export stopped early frees its readers, with no transaction left open', async () => {
  const query = await compile();
  for await (const chunk of engine.streamEncoded(query, lines)) {
    assert.ok(chunk.bytes.byteLength > 0);
    break;
  }
  await load();
  const table = (await engine.metadata.getDataset('things'))!.current!.table;
  // Each reader sees the version loaded after the export stopped.
  const counts = await Promise.all(
    [1, 2, 3, 4].map(() => engine.query({ sql: `SELECT count(*) FROM "${table}"`, params: [] })),
  );
  assert.deepEqual(counts, [[[ROWS]], [[ROWS]], [[ROWS]], [[ROWS]]]);
});
