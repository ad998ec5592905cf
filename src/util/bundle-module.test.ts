import assert from 'node:assert/strict';
import { test } from 'node:test';

import { bundledModuleUrl } from './bundle-module.ts';
import type * as isoTime from './iso-time.ts';

test('a TypeScript module becomes one JavaScript module that runs without a TypeScript loader', async () => {
  const url = await bundledModuleUrl(new URL('./iso-time.ts', import.meta.url).href);
  assert.match(url, /^data:text\/javascript;base64,/);
  const code = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
  assert.doesNotMatch(code, /: string|interface /, 'the types are gone');
  const bundled = (await import(url)) as typeof isoTime;
  assert.equal(
    bundled.formatInstant(Date.UTC(2019, 2, 22), 'Europe/Berlin'),
    '2019-03-22T01:00:00+01:00',
  );
});

test('project imports are inlined, packages imported from their installed files', async () => {
  // The CSV export's encoder: project modules, and the proj4 package (through epsg.ts), which
  // it imports when a reprojection is prepared.
  const url = await bundledModuleUrl(new URL('../api/exports/csv-row.ts', import.meta.url).href);
  const code = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
  assert.match(code, /import\("file:\/\/\/[^"]*\/node_modules\/proj4\/[^"]*"\)/);
  assert.doesNotMatch(code, /from "\.{1,2}\//, 'no relative import is left');
  const bundled = (await import(url)) as {
    prepare(options: unknown): Promise<void>;
    createRowEncoder(options: unknown): (row: unknown[]) => string;
  };
  const options = {
    columns: [
      { key: 'name', type: 'text', multivalued: false, positions: [0] },
      { key: 'geo', type: 'geo_point_2d', multivalued: false, positions: [1, 2] },
    ],
    timezone: 'UTC',
    delimiter: ';',
    listSeparator: ',',
    quoteAll: false,
    epsg: 2154,
  };
  await bundled.prepare(options);
  const encode = bundled.createRowEncoder(options);
  const [north, east] = encode(['a;b', 48.85, 2.35]).split(';').slice(2).join(';').split(', ');
  assert.equal(encode(['a;b', null, null]), '"a;b";');
  // Paris in Lambert-93 (northing, then easting): about 6,862 km north, 652 km east.
  assert.ok(
    Math.abs(Number(east) - 652_000) < 2_000 && Math.abs(Number(north) - 6_862_000) < 2_000,
  );
});

test('URLs of JavaScript or data modules are used as they are, and builds are kept', async () => {
  assert.equal(await bundledModuleUrl('node:fs'), 'node:fs');
  const js = new URL('./missing.mjs', import.meta.url).href;
  assert.equal(await bundledModuleUrl(js), js);
  const href = new URL('./sha1-hex.ts', import.meta.url).href;
  assert.equal(await bundledModuleUrl(href), await bundledModuleUrl(href));
});
