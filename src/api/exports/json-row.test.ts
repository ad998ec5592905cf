import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { FieldType } from '../../core/field.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { renderRecord, renderValue } from '../../records/render.ts';
import { prepareReprojection, reprojection } from './epsg.ts';
import { createRowEncoder as createFeatureEncoder } from './geojson-row.ts';
import { rowGeometry } from './geometry.ts';
import { createRowEncoder } from './json-row.ts';

function column(key: string, type: FieldType, positions: number[], multivalued = false) {
  return { key, type, positions, multivalued } satisfies OutputColumn;
}

/** Raw rows as a reader gives them, every column of every type, nulls and odd texts included. */
const COLUMNS: OutputColumn[] = [
  column('name', 'text', [0]),
  column('count', 'int', [1]),
  column('ratio', 'double', [2]),
  column('open', 'boolean', [3]),
  column('seen', 'datetime', [4]),
  column('day', 'date', [5]),
  column('place', 'geo_point_2d', [6, 7]),
  column('shape', 'geo_shape', [8]),
  column('extra', 'json_blob', [9]),
  column('tags', 'text', [10], true),
  column('clé "é"\n', 'text', [11]),
];
const ROWS: unknown[][] = [
  [
    'Café "Le Zinc"\n\\ \u2028 \u0001',
    12,
    0.1,
    1,
    1700000000123,
    '2024-02-29',
    48.85,
    2.35,
    '{"type":"Point","coordinates":[2.35,48.85]}',
    '{"a":[1,null,"x"]}',
    '["a","b,c"]',
    '',
  ],
  [null, null, null, null, null, null, null, null, null, null, null, null],
  ['', 0, -1.5e-7, 0, 0, '1970-01-01', 0, 0, '{}', 'null', '[]', 'x'],
];

test('a JSON record is the text JSON.stringify gives the rendered record, member by member', () => {
  for (const timezone of ['UTC', 'Europe/Paris', 'America/Sao_Paulo']) {
    const encode = createRowEncoder({ columns: COLUMNS, timezone });
    for (const row of ROWS) {
      const text = encode(row);
      assert.equal(text, JSON.stringify(renderRecord(row, COLUMNS, timezone)));
      JSON.parse(text);
    }
  }
});

test('values written from caches and texts (instants, lists, points) are the rendered ones', () => {
  const instants = [0, -1, 1, 999, 1700000000123, 1700000000000, -62198755200000, 253402300800000];
  instants.push(8.64e15 - 86_400_000, 1.5, 2 ** 40 + 0.25, Date.UTC(2024, 2, 31, 1));
  const lists = ['[]', '["a"]', '["a","b\\"c"]', '["\\u00e9"]', 'x', '[1,2]', '{"a":1}', '""'];
  const points: unknown[][] = [
    [1e21, -0],
    [Infinity, 1],
    ['7', '8.5'],
    [0.1, 1e-7],
    [null, 1],
    [1, 'x'],
  ];
  const rows: unknown[][] = [];
  for (let i = 0; i < 40; i++) {
    const [lat, lon] = points[i % points.length]!;
    const at = instants[i % instants.length]!;
    rows.push([
      'n',
      i % 7 === 0 ? 2 ** 60 : i,
      i / 7,
      1,
      at,
      'd',
      lat,
      lon,
      null,
      null,
      lists[i % lists.length],
      'k',
    ]);
  }
  for (const timezone of ['UTC', 'Europe/Paris', 'Australia/Lord_Howe']) {
    const encode = createRowEncoder({ columns: COLUMNS, timezone });
    const feature = createFeatureEncoder({ columns: COLUMNS, timezone, geoIndex: 6 });
    // Twice: the second time from the caches.
    for (const row of [...rows, ...rows]) {
      assert.equal(encode(row), JSON.stringify(renderRecord(row, COLUMNS, timezone)));
      const geometry = rowGeometry(row, COLUMNS[6], timezone);
      const properties: Record<string, unknown> = {};
      for (const c of COLUMNS.filter((_, i) => i !== 6)) {
        properties[c.key] = renderValue(row, c, timezone);
      }
      assert.equal(feature(row), JSON.stringify({ type: 'Feature', geometry, properties }));
    }
  }
});

test('repeated keys and array-index keys keep the order and the values of a record object', () => {
  const repeated = [column('a', 'text', [0]), column('b', 'int', [1]), column('a', 'text', [2])];
  const indexes = [
    column('name', 'text', [0]),
    column('2019', 'int', [1]),
    column('7', 'text', [2]),
  ];
  for (const columns of [repeated, indexes]) {
    const encode = createRowEncoder({ columns, timezone: 'UTC' });
    const row = ['x', 3, 'y'];
    assert.equal(encode(row), JSON.stringify(renderRecord(row, columns, 'UTC')));
  }
  const encode = createRowEncoder({ columns: indexes, timezone: 'UTC' });
  assert.equal(encode(['x', 3, 'y']), '{"7":"y","2019":3,"name":"x"}');
});

test('a GeoJSON feature is the text of the feature object, projected or not', async () => {
  await prepareReprojection(2154);
  const geoIndex = 6;
  const others = COLUMNS.filter((_, i) => i !== geoIndex);
  for (const epsg of [undefined, 2154]) {
    const project = epsg ? reprojection(epsg) : null;
    const encode = createFeatureEncoder({ columns: COLUMNS, timezone: 'UTC', geoIndex, epsg });
    for (const row of ROWS) {
      const found = rowGeometry(row, COLUMNS[geoIndex], 'UTC');
      const geometry = found && project ? project.geometry(found) : found;
      const properties: Record<string, unknown> = {};
      for (const c of others) properties[c.key] = renderValue(row, c, 'UTC');
      assert.equal(encode(row), JSON.stringify({ type: 'Feature', geometry, properties }));
    }
  }
});
