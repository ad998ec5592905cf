// Our own exports read back: each export of a dataset holding every common type is imported
// as a new dataset, whose records and field types must match the original's.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Field } from '../../../src/core/field.ts';
import { importFile } from '../../../src/ingest/import-file.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';
import { tempFile } from '../helpers.ts';
import { formatFixture } from './helpers.ts';

let portal: TestPortal;
const API = '/api/explore/v2.1/catalog/datasets';

before(async () => {
  portal = await startTestPortal();
  await importFile(portal.engine, { datasetId: 'source', path: formatFixture('all-types.csv') });
});
after(() => portal.close());

async function exported(format: string): Promise<Buffer> {
  const response = await portal.app.inject({ url: `${API}/source/exports/${format}` });
  assert.equal(response.statusCode, 200, response.body);
  return response.rawPayload;
}

async function fieldsOf(id: string): Promise<Field[]> {
  const dataset = await portal.engine.metadata.getDataset(id);
  assert.ok(dataset?.current, `${id} has a current version`);
  return dataset.current.fields;
}

async function recordsOf(id: string): Promise<Record<string, unknown>[]> {
  const response = await portal.app.inject({ url: `${API}/${id}/records?limit=100` });
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { results: Record<string, unknown>[] }).results;
}

const TYPES = {
  name: 'text',
  code: 'text',
  count: 'int',
  ratio: 'double',
  open: 'boolean',
  day: 'date',
  at: 'datetime',
  point: 'geo_point_2d',
  kinds: 'text',
};

async function roundTrip(exportName: string, file: string): Promise<string> {
  const path = tempFile(file, await exported(exportName));
  const id = `back_${exportName}`;
  await importFile(portal.engine, { datasetId: id, path });
  return id;
}

for (const [exportName, file] of [
  ['csv', 'source.csv'],
  ['json', 'source.json'],
  ['jsonl', 'source.jsonl'],
  ['xlsx', 'source.xlsx'],
  ['parquet', 'source.parquet'],
] as const) {
  test(`the ${exportName} export reads back with the same records and types`, async () => {
    const id = await roundTrip(exportName, file);
    const types = Object.fromEntries((await fieldsOf(id)).map((f) => [f.name, f.type]));
    assert.deepEqual(types, TYPES);
    const kinds = (await fieldsOf(id)).find((f) => f.name === 'kinds');
    assert.ok(kinds?.annotations['multivalued'], 'kinds stays a list');
    assert.deepEqual(await recordsOf(id), await recordsOf('source'));
  });
}

for (const [exportName, file] of [
  ['geojson', 'source.geojson'],
  ['shp', 'source.zip'],
] as const) {
  test(`the ${exportName} export reads back: attributes, and the point as geometry`, async () => {
    const id = await roundTrip(exportName, file);
    const fields = await fieldsOf(id);
    const types = Object.fromEntries(fields.map((f) => [f.name, f.type]));
    const { point: _point, ...attributes } = TYPES;
    assert.deepEqual(types, {
      ...attributes,
      geo_shape: 'geo_shape',
      geo_point_2d: 'geo_point_2d',
    });
    // The shapefile export puts records without geometry last: compare by name.
    const byName = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a['name']).localeCompare(String(b['name']));
    const original = (await recordsOf('source')).sort(byName);
    const back = (await recordsOf(id)).sort(byName);
    assert.equal(back.length, original.length);
    back.forEach((record, i) => {
      const { point, ...rest } = original[i] as Record<string, unknown>;
      const { geo_shape: _shape, geo_point_2d: geoPoint, ...others } = record;
      assert.deepEqual(others, rest);
      assert.deepEqual(geoPoint, point);
    });
  });
}
