// The export cache through real HTTP: a repeated export streams the file the first one kept,
// byte for byte with the same headers; every option is an entry of its own; a new version or a
// label change is a miss with the new bytes (and the old files go); a client that leaves keeps
// nothing; the folder's capacity evicts the least recently used; 0 turns the cache off.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { importCsvFile } from '../../../src/ingest/import-csv-file.ts';
import { listen } from '../../helpers/listening-portal.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../../helpers/test-portal.ts';

const ID = 'cached_rows';
const V21 = `/api/explore/v2.1/catalog/datasets/${ID}/exports`;
const V1 = `/explore/dataset/${ID}/download/`;

/** `rows` lines of about 70 bytes; `tag` tells one import from another. */
async function importRows(portal: TestPortal, rows: number, tag: string): Promise<void> {
  const lines = ['name;city;score;day;location'];
  for (let i = 0; i < rows; i += 1) {
    const day = `2024-0${(i % 9) + 1}-1${i % 10}`;
    lines.push(`${tag} shop ${i};City ${i % 97};${i % 50};${day};48.${i % 1000},2.${i % 777}`);
  }
  const path = join(portal.home, `${tag}.csv`);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  await importCsvFile(portal.engine, { datasetId: ID, path, metas: emptyMetas('Cached rows') });
}

interface Answer {
  status: number;
  cache: string | null;
  headers: Headers;
  bytes: Buffer;
}

async function get(base: string, path: string): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
  return {
    status: response.status,
    cache: response.headers.get('x-datagora-export-cache'),
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const kept = (portal: TestPortal) => {
  const dir = join(portal.home, 'exports');
  return existsSync(dir) ? readdirSync(dir) : [];
};
const keptFiles = (portal: TestPortal) => kept(portal).filter((n) => !n.startsWith('.'));

for (const engine of TEST_ENGINES)
  describe(`export cache (${engine})`, () => {
    let portal: TestPortal;
    let base: string;
    before(async () => {
      portal = await startTestPortal({
        demo: true,
        engine,
        env: { DATAGORA_EXPORT_CACHE_MIN_KB: '0' },
      });
      await importRows(portal, 2000, 'first');
      base = await listen(portal);
    });
    after(async () => portal.close());

    test('the second export is a hit, byte for byte, with the same headers', async () => {
      const paths = [
        `${V21}/csv`,
        `${V21}/json`,
        `${V21}/jsonl`,
        `${V21}/geojson`,
        `${V21}/xlsx`,
        `${V21}/parquet`,
        `${V21}/shp`,
        `${V21}/kml`,
        `${V21}/gpx`,
        `${V21}/csv?compressed=true`,
        `${V1}?format=csv`,
        `${V1}?format=json`,
        `${V1}?format=geojson`,
      ];
      for (const path of paths) {
        const first = await get(base, path);
        assert.equal(first.status, 200, path);
        assert.equal(first.cache, 'miss', path);
        const second = await get(base, path);
        assert.equal(second.status, 200, path);
        assert.equal(second.cache, 'hit', path);
        assert.ok(second.bytes.equals(first.bytes), path);
        assert.equal(second.headers.get('content-length'), String(first.bytes.length), path);
        for (const name of ['content-type', 'content-disposition', 'etag', 'last-modified']) {
          assert.equal(second.headers.get(name), first.headers.get(name), `${path}: ${name}`);
        }
      }
      assert.equal(keptFiles(portal).length, paths.length);
    });

    test('every option is an entry of its own', async () => {
      const variants = [
        `${V21}/csv?delimiter=,`,
        `${V21}/csv?delimiter=%7C&list_separator=%7C`,
        `${V21}/csv?quote_all=true`,
        `${V21}/csv?with_bom=false`,
        `${V21}/csv?use_labels=true`,
        `${V21}/csv?epsg=2154`,
        `${V21}/csv?select=name,score`,
        `${V21}/csv?where=score%3E10`,
        `${V21}/csv?where=score%3E10&where=score%3C20`,
        `${V21}/csv?refine=city:City%201`,
        `${V21}/csv?exclude=city:City%201`,
        `${V21}/csv?order_by=score`,
        `${V21}/csv?select=city,count(*)%20as%20n&group_by=city`,
        `${V21}/csv?limit=10`,
        `${V21}/csv?limit=10&offset=5`,
        `${V21}/csv?timezone=Europe/Paris`,
        `${V21}/csv?lang=en&select=date_format(day,%20'MMMM')%20as%20m`,
        `${V21}/json?timezone=Asia/Tokyo`,
        `${V21}/gpx?use_extension=false`,
        `${V1}?format=csv&csv_separator=,`,
        `${V1}?format=csv&use_labels_for_header=true`,
        `${V1}?format=csv&q=shop`,
        `${V1}?format=csv&refine.city=City%202`,
        `${V1}?format=csv&fields=name`,
        `${V1}?format=csv&sort=score`,
      ];
      const bodies = new Set<string>();
      const before = keptFiles(portal).length;
      for (const path of variants) {
        const first = await get(base, path);
        assert.equal(first.status, 200, path);
        assert.equal(first.cache, 'miss', path);
        bodies.add(first.bytes.toString('base64'));
      }
      assert.equal(keptFiles(portal).length, before + variants.length);
      for (const path of variants) assert.equal((await get(base, path)).cache, 'hit', path);
      // Options that change nothing here (no label differs from its name) still get entries.
      assert.ok(bodies.size >= variants.length - 3, `${bodies.size} different files`);
    });

    test('a label change is a miss with the new bytes, and the old files go', async () => {
      const path = `${V21}/csv?use_labels=true`;
      assert.equal((await get(base, path)).status, 200);
      const dataset = (await portal.engine.metadata.getDataset(ID))!;
      const relabelled = dataset.current!.fields.map((f) =>
        f.name === 'city' ? { ...f, label: 'Commune du contrôle' } : f,
      );
      const stale = keptFiles(portal).filter((n) => n.startsWith(`${ID}~`));
      assert.ok(stale.length > 0);
      assert.equal(
        await portal.engine.schemas.replaceCurrentFields(ID, dataset.current!.id, relabelled),
        true,
      );
      const second = await get(base, path);
      assert.equal(second.cache, 'miss');
      assert.match(second.bytes.toString('utf8').split('\n')[0]!, /Commune du contrôle/);
      assert.equal((await get(base, path)).cache, 'hit');
      const now = keptFiles(portal).filter((n) => n.startsWith(`${ID}~`));
      assert.equal(now.length, 1, 'the files of the previous state were removed');
      assert.ok(!stale.includes(now[0]!));
    });

    test('a new version is a miss with the new bytes, and the old files go', async () => {
      const path = `${V21}/csv`;
      const before = await get(base, path);
      assert.match(before.bytes.toString('utf8'), /first shop 1;/);
      assert.equal((await get(base, path)).cache, 'hit');
      await importRows(portal, 1500, 'second');
      const after = await get(base, path);
      assert.equal(after.cache, 'miss');
      const text = after.bytes.toString('utf8');
      assert.match(text, /second shop 1;/);
      assert.doesNotMatch(text, /first shop/);
      assert.equal((await get(base, path)).cache, 'hit');
      assert.equal(keptFiles(portal).filter((n) => n.startsWith(`${ID}~`)).length, 1);
    });

    test('a client that leaves mid-export keeps no file', async () => {
      // The demo's JSON export (about 10 MB) cannot fit in the sockets' buffers.
      const path = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports/json';
      const before = keptFiles(portal).length;
      await new Promise<void>((resolve, reject) => {
        const req = request(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
        req.on('response', (response) => {
          assert.equal(response.headers['x-datagora-export-cache'], 'miss');
          response.once('data', () => req.destroy());
        });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        req.on('timeout', () => reject(new Error('no answer')));
        req.end();
      });
      // The server hears of it after the client: wait until its temporary file is gone (a
      // guard against a hang, not a measure of time).
      const deadline = AbortSignal.timeout(30_000);
      while (kept(portal).some((n) => n.startsWith('.'))) {
        if (deadline.aborted) assert.fail(`left: ${kept(portal).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(keptFiles(portal).length, before);
      const whole = await get(base, path);
      assert.equal(whole.cache, 'miss');
      assert.equal((await get(base, path)).cache, 'hit');
    });
  });

describe('export cache capacity', () => {
  test('the least recently used files are evicted past DATAGORA_EXPORT_CACHE_MB', async () => {
    const portal = await startTestPortal({
      env: { DATAGORA_EXPORT_CACHE_MB: '1', DATAGORA_EXPORT_CACHE_MIN_KB: '0' },
    });
    try {
      // About 400 kB per file: two fit in 1 MiB, three do not.
      await importRows(portal, 8000, 'big');
      const base = await listen(portal);
      const paths = [';', ',', '%7C'].map((d) => `${V21}/csv?delimiter=${d}`);
      const sizes = [];
      for (const path of paths) {
        const first = await get(base, path);
        assert.equal(first.cache, 'miss');
        sizes.push(first.bytes.length);
      }
      assert.ok(
        sizes.every((s) => s > 350_000 && s < 524_288),
        sizes.join(),
      );
      const dir = join(portal.home, 'exports');
      const total = keptFiles(portal).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
      assert.ok(total <= 1024 * 1024, `${total} bytes kept`);
      assert.equal(keptFiles(portal).length, 2);
      assert.equal((await get(base, paths[2]!)).cache, 'hit');
      assert.equal((await get(base, paths[1]!)).cache, 'hit');
      assert.equal((await get(base, paths[0]!)).cache, 'miss', 'the oldest was evicted');
      // Used last, the second stays; the third, used before it, went for the first.
      assert.equal((await get(base, paths[1]!)).cache, 'hit');
      assert.equal((await get(base, paths[2]!)).cache, 'miss');
    } finally {
      await portal.close();
    }
  });

  test('small exports are not kept, and 0 turns the cache off', async () => {
    const small = await startTestPortal({});
    try {
      await importRows(small, 200, 'small');
      const base = await listen(small);
      const first = await get(base, `${V21}/csv`);
      assert.equal(first.cache, 'miss');
      assert.equal((await get(base, `${V21}/csv`)).cache, 'miss', 'under 1 MB: not kept');
      assert.deepEqual(kept(small), []);
    } finally {
      await small.close();
    }
    const off = await startTestPortal({
      env: { DATAGORA_EXPORT_CACHE_MB: '0', DATAGORA_EXPORT_CACHE_MIN_KB: '0' },
    });
    try {
      await importRows(off, 200, 'off');
      const base = await listen(off);
      for (let i = 0; i < 2; i += 1) {
        const answer = await get(base, `${V21}/csv`);
        assert.equal(answer.status, 200);
        assert.equal(answer.cache, null);
      }
      assert.equal(existsSync(join(off.home, 'exports')), false);
    } finally {
      await off.close();
    }
  });
});
