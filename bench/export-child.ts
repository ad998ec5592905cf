// Serves an imported store and downloads whole-dataset exports over HTTP on loopback (the client
// in its own process, bench/download.mjs), printing for each format as JSON: rows/s, the CPU
// time per row of the serving process (all its threads) and of the client, the peak memory of
// the serving process, and the load average around it (other work shares the machine); each
// format twice, the second answered from the export cache. Run by bench/run.ts after
// bench/import-child.ts.

import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';

import { buildApp, exportsDir } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, storeEnvironment } from './store.ts';

const [storePath, datasetId = 'bench_alimconfiance', formats = 'csv,json,geojson,parquet'] =
  process.argv.slice(2);
if (!storePath) {
  console.error('usage: export-child.ts STORE [DATASET] [FORMATS]');
  process.exit(2);
}
const client = new URL('./download.mjs', import.meta.url).pathname;
// Room for a whole 1,000,000-row export of any format in the export cache.
const config = { ...loadConfig(storeEnvironment(storePath)), exportCacheMb: 16_384 };
const engine = await openStore(storePath, { queryTimeoutMs: 600_000 });
const app = await buildApp(config, { engine, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const dataset = await engine.metadata.getDataset(datasetId);
const rows = dataset?.current?.recordsCount ?? 0;

interface Downloaded {
  status: number;
  bytes: number;
  cpuSeconds: number;
  /** The answer's X-Datagora-Export-Cache (hit, miss), if any. */
  cache?: string;
}

function download(url: string): Promise<Downloaded> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [client, url], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as Downloaded);
    });
  });
}

// The serving process before any export: the app, two reader threads, their connections.
global.gc?.();
const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
type Figures = Record<string, number>;

/** One download of `url`, measured: rows/s, CPU of the serving process and the client, peak. */
async function measure(url: string, label: string): Promise<{ figures: Figures; cache: string }> {
  global.gc?.();
  // What the process holds as the download starts (after a first export, what the allocator
  // kept of it): the peak of a second download is not all its own.
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const loadBefore = loadavg()[0]!;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const downloaded = await download(url);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time of all threads (the readers included): steadier than rows/s on a shared machine.
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  if (downloaded.status !== 200) throw new Error(`${label}: HTTP ${downloaded.status}`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const figures = {
    rowsPerSecond: rows / seconds,
    seconds,
    cpuSeconds,
    cpuMicrosPerRow: (cpuSeconds * 1e6) / rows,
    clientCpuMicrosPerRow: (downloaded.cpuSeconds * 1e6) / rows,
    megabytes: downloaded.bytes / 1e6,
    peakRssMb: peak / 1024 / 1024,
    rssBeforeMb: rssBefore / 1024 / 1024,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
  return { figures, cache: downloaded.cache ?? '' };
}

// Each format is downloaded twice: the first export renders (and keeps its file, from a folder
// emptied first), the second streams the kept file (docs/performance.md, "Session 9").
const results: Record<string, Figures> = {};
const cached: Record<string, Figures> = {};
rmSync(exportsDir(config), { recursive: true, force: true });
for (const format of formats.split(',')) {
  const url = `${address}/api/explore/v2.1/catalog/datasets/${datasetId}/exports/${format}`;
  const first = await measure(url, format);
  const second = await measure(url, `${format}, again`);
  if (second.cache !== 'hit') throw new Error(`${format}: the second export was not a cache hit`);
  results[format] = first.figures;
  cached[format] = second.figures;
}
await app.close();
await engine.close();
rmSync(exportsDir(config), { recursive: true, force: true });
console.log(JSON.stringify({ rows, baselineRssMb, exports: results, cached }));
