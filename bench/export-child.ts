// Serves an imported store as `npm start` does (one process per core, at most four) and downloads
// whole-dataset exports over HTTP on loopback (the client in its own process,
// bench/download.mjs), printing for each format as JSON: rows/s, the CPU time per row of the
// serving processes (all their threads) and of the client, the peak memory of the process that
// served it (and of all of them), and the load average around it (other work shares the
// machine); each format twice, from fresh processes, the second answered from the export cache.
// Run by bench/run.ts after bench/import-child.ts.

import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';

import { exportsDir } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { defaultProcesses } from '../src/config/default-processes.ts';
import { startServer } from './server.ts';
import { storeEnvironment } from './store.ts';

const [storePath, datasetId = 'bench_alimconfiance', formats = 'csv,json,geojson,parquet'] =
  process.argv.slice(2);
if (!storePath) {
  console.error('usage: export-child.ts STORE [DATASET] [FORMATS]');
  process.exit(2);
}
const client = new URL('./download.mjs', import.meta.url).pathname;
// Room for a whole 1,000,000-row export of any format in the export cache.
const exportCacheMb = 16_384;
const config = { ...loadConfig(storeEnvironment(storePath)), exportCacheMb };
// The portal as users start it (npm start: the bundled start), measured from /proc.
const processes = defaultProcesses();
const start = () =>
  startServer(storePath, {
    processes,
    env: { DATAGORA_QUERY_TIMEOUT_MS: '600000', DATAGORA_EXPORT_CACHE_MB: String(exportCacheMb) },
  });
let server = await start();
const address = () => server.url;

/**
 * The serving process ready as before any export: it has answered a first request (the app, two
 * reader threads, their connections) and settled a second after. The dataset's row count.
 */
async function settle(): Promise<number> {
  const counted = await fetch(
    `${address()}/api/explore/v2.1/catalog/datasets/${datasetId}/records?limit=0`,
  );
  const total = ((await counted.json()) as { total_count?: number }).total_count ?? 0;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return total;
}
const rows = await settle();

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

/** Before any export: the largest serving process, and all of them (the primary included). */
const { largestRssMb: baselineRssMb, rssMb: baselineAllRssMb } = server.usage();
type Figures = Record<string, number>;

/** One download of `url`, measured: rows/s, CPU of the serving process and the client, peak. */
async function measure(url: string, label: string): Promise<{ figures: Figures; cache: string }> {
  // What the process holds as the download starts, recorded beside the peak.
  const { largestRssMb: rssBefore, rssMb: allBefore } = server.usage();
  server.resetPeak();
  let peak = rssBefore;
  let peakAll = allBefore;
  const sampler = setInterval(() => {
    const usage = server.usage();
    peak = Math.max(peak, usage.largestRssMb);
    peakAll = Math.max(peakAll, usage.rssMb);
  }, 50);
  const loadBefore = loadavg()[0]!;
  const started = process.hrtime.bigint();
  const cpuBefore = server.usage().cpuSeconds;
  const downloaded = await download(url);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time of all threads (the readers included): steadier than rows/s on a shared machine.
  const cpuSeconds = server.usage().cpuSeconds - cpuBefore;
  clearInterval(sampler);
  // The kernel's peak when it could be reset: no sample misses it.
  const kernelPeak = server.peakRssMb();
  peak = Math.max(peak, kernelPeak?.largest ?? 0);
  peakAll = Math.max(peakAll, kernelPeak?.all ?? 0);
  if (downloaded.status !== 200) throw new Error(`${label}: HTTP ${downloaded.status}`);
  const figures = {
    rowsPerSecond: rows / seconds,
    seconds,
    cpuSeconds,
    cpuMicrosPerRow: (cpuSeconds * 1e6) / rows,
    clientCpuMicrosPerRow: (downloaded.cpuSeconds * 1e6) / rows,
    megabytes: downloaded.bytes / 1e6,
    peakRssMb: peak,
    peakAllRssMb: peakAll,
    rssBeforeMb: rssBefore,
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
const restart = async () => {
  await server.stop();
  server = await start();
  await settle();
};
for (const [index, format] of formats.split(',').entries()) {
  const path = `/api/explore/v2.1/catalog/datasets/${datasetId}/exports/${format}`;
  // Each export from fresh processes: what an export left to the allocator is not the next's.
  if (index > 0) await restart();
  const first = await measure(`${address()}${path}`, format);
  // The kept file is served by a fresh process, as after a restart or by another worker.
  await restart();
  const second = await measure(`${address()}${path}`, `${format}, again`);
  if (second.cache !== 'hit') throw new Error(`${format}: the second export was not a cache hit`);
  results[format] = first.figures;
  cached[format] = second.figures;
}
await server.stop();
rmSync(exportsDir(config), { recursive: true, force: true });
console.log(
  JSON.stringify({ rows, processes, baselineRssMb, baselineAllRssMb, exports: results, cached }),
);
