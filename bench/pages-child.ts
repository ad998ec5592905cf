// Server-side render time of each site page on the demo dataset (target: median under 50 ms),
// through the real app with inject(); prints a table and, last, the figures as JSON.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildApp, openStorage } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { loadDemoIfEmpty } from '../src/ingest/demo.ts';

const RUNS = 40;
const PAGES: Record<string, string> = {
  home: '/',
  catalog: '/explore/?q=alimentation&refine.theme=Sant%C3%A9',
  information: '/explore/dataset/export_alimconfiance/information/',
  table: '/explore/dataset/export_alimconfiance/table/',
  'table filtered':
    '/explore/dataset/export_alimconfiance/table/?q=pizza&sort=date_inspection&page=2',
  cookies: '/cookies/',
};

const home = mkdtempSync(join(tmpdir(), 'datagora-bench-pages-'));
try {
  const config = loadConfig({ DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'silent' });
  const engine = await openStorage(config);
  await loadDemoIfEmpty(engine);
  const app = await buildApp(config, { engine, logger: false });
  const figures: Record<string, { medianMs: number; p95Ms: number; bytes: number }> = {};
  for (const [name, url] of Object.entries(PAGES)) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const started = performance.now();
      const response = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
      bytes = response.body.length;
      if (i >= 5) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    figures[name] = {
      medianMs: times[Math.floor(times.length / 2)]!,
      p95Ms: times[Math.floor(times.length * 0.95)]!,
      bytes,
    };
  }
  await app.close();
  await engine.close();
  for (const [name, f] of Object.entries(figures)) {
    console.log(
      `page ${name.padEnd(16)} median ${f.medianMs.toFixed(1).padStart(6)} ms  p95 ${f.p95Ms.toFixed(1).padStart(6)} ms  ${Math.round(f.bytes / 1024)} KiB`,
    );
  }
  console.log(JSON.stringify({ pages: figures }));
} finally {
  rmSync(home, { recursive: true, force: true });
}
