// `node --import tsx bench/map.ts [--rows 100000]`: the map tab on a generated dataset of N
// points. Prints (1) the server time of the requests the map makes (clusters at several zoom
// levels around Paris, the records of a zoom-13 view) and (2), in Chromium, the time from a
// key press to the view drawn while zooming in and out and panning with the keyboard, the
// main thread's long tasks (over 50 ms) meanwhile and the most markers in the DOM.
// The CSV is generated once under bench/data/ (as `npm run bench` does) and kept.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { generate } from '../scripts/gen-alimconfiance.ts';
import { buildApp, openStorage } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { importCsvFile } from '../src/ingest/import-csv-file.ts';
import type { MapConfig } from '../src/web/client/map-config.ts';
import { POINTS_ZOOM } from '../src/web/client/map-config.ts';
import { clustersUrl, recordsUrl } from '../src/web/client/map-queries.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { mapSettled } from '../test/helpers/map-page.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error('--rows takes a positive whole number');
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, 'bench', 'data');
mkdirSync(dataDir, { recursive: true });
const csv = join(dataDir, `alimconfiance-${rows}.csv`);
if (!existsSync(csv)) await generate({ rows, out: csv, seed: '1' });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const line = (name: string, value: string) => console.log(`${name.padEnd(44)}  ${value}`);

const home = mkdtempSync(join(tmpdir(), 'datagora-bench-map-'));
try {
  const config = loadConfig({ DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'silent' });
  const engine = await openStorage(config);
  await importCsvFile(engine, { datasetId: 'bench_map', path: csv, title: 'Bench map' });
  const app = await buildApp(config, { engine, logger: false });
  console.log(`\nDatagora map bench, ${rows.toLocaleString('en-US')} points`);
  console.log(`load average at the start: ${loadavg()[0]!.toFixed(2)} (2 cores shared)\n`);

  // (1) The requests, as the script builds them, for a 1,200 × 512 pixel view around Paris.
  const mapConfig = {
    apiBase: '/api/explore/v2.1/catalog/datasets/bench_map',
    datasetId: 'bench_map',
    pointField: 'geores',
    shapeField: null,
    titleField: 'app_libelle_etablissement',
    filters: [],
    v1Filters: [],
  } as unknown as MapConfig;
  const area = (zoom: number) => {
    const degrees = (pixels: number) => (1.5 * pixels * 360) / (256 * 2 ** zoom);
    const [lat, lon, width, height] = [48.86, 2.34, degrees(1200), degrees(512) * 0.66];
    return {
      south: lat - height / 2,
      north: lat + height / 2,
      west: lon - width / 2,
      east: lon + width / 2,
    };
  };
  const requests: [string, string][] = [6, 8, 10, 12].map((zoom) => [
    `clusters, zoom ${zoom}`,
    clustersUrl(mapConfig, area(zoom), zoom),
  ]);
  requests.push([`records, zoom ${POINTS_ZOOM}`, recordsUrl(mapConfig, area(POINTS_ZOOM))]);
  const server: Record<string, { medianMs: number; items: number; kB: number }> = {};
  for (const [name, url] of requests) {
    const times: number[] = [];
    let body = '';
    for (let run = 0; run < 9; run++) {
      const start = performance.now();
      const response = await app.inject({ url });
      times.push(performance.now() - start);
      body = response.body;
    }
    const json = JSON.parse(body) as { results?: unknown[]; records?: unknown[] };
    const items = (json.results ?? json.records ?? []).length;
    server[name] = { medianMs: median(times), items, kB: Math.round(body.length / 1000) };
    line(
      `server: ${name}`,
      `${median(times).toFixed(0)} ms median, ${items} items, ${server[name]!.kB} kB`,
    );
  }

  // (2) Chromium, driven by the keyboard; long tasks are recorded from the page's start.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    if (process.env['BENCH_NO_BASEMAP']) await page.route('**/countries.geojson', (r) => r.abort());
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { dgLongTasks: number[] }).dgLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const startZoom = 6;
    await page.goto(
      `http://127.0.0.1:${address.port}/explore/dataset/bench_map/map/?location=${startZoom},48.86,2.34`,
    );
    await mapSettled(page, startZoom);
    await page.locator('#dataset-map').focus();
    const steps: { key: string; zoom: number; ms: number; markers: number }[] = [];
    const press = async (key: string, zoom: number) => {
      const before = new URL(page.url()).searchParams.get('location');
      const start = performance.now();
      await page.keyboard.press(key);
      if (key.startsWith('Arrow')) {
        // A pan keeps the zoom: wait for the view to move, then to be drawn.
        await page.waitForFunction(
          (previous) =>
            new URL(window.location.href).searchParams.get('location') !== previous &&
            !document.getElementById('dataset-map')?.hasAttribute('aria-busy'),
          before,
        );
      } else {
        await mapSettled(page, zoom);
      }
      const markers = await page.locator('#dataset-map .leaflet-marker-icon').count();
      steps.push({ key, zoom, ms: performance.now() - start, markers });
    };
    for (let zoom = startZoom + 1; zoom <= POINTS_ZOOM; zoom++) await press('+', zoom);
    for (const key of [
      'ArrowRight',
      'ArrowRight',
      'ArrowDown',
      'ArrowLeft',
      'ArrowLeft',
      'ArrowUp',
    ])
      await press(key, POINTS_ZOOM);
    for (let zoom = POINTS_ZOOM - 1; zoom >= startZoom; zoom--) await press('-', zoom);
    const longTasks = await page.evaluate(
      () => (window as unknown as { dgLongTasks: number[] }).dgLongTasks,
    );
    const zooms = steps.filter((s) => !s.key.startsWith('Arrow')).map((s) => s.ms);
    const pans = steps.filter((s) => s.key.startsWith('Arrow')).map((s) => s.ms);
    console.log('');
    line(
      'browser: key press → view drawn, zoom steps',
      `${median(zooms).toFixed(0)} ms median, ${Math.max(...zooms).toFixed(0)} ms max`,
    );
    line(
      'browser: pan steps at zoom 13',
      `${median(pans).toFixed(0)} ms median, ${Math.max(...pans).toFixed(0)} ms max`,
    );
    line(
      'browser: long tasks (> 50 ms) on the main thread',
      `${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`,
    );
    line('browser: most DOM markers in one view', String(Math.max(...steps.map((s) => s.markers))));
    console.log(JSON.stringify({ rows, server, steps, longTasks }));
  } finally {
    await browser.close();
  }
  await app.close();
  await engine.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
