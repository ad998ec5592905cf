// Serves an imported store and downloads whole-dataset exports over HTTP on loopback (the client
// in its own process, bench/download.mjs), printing for each format as JSON: rows/s, the CPU
// time per row of the serving process (all its threads) and of the client, the peak memory of
// the serving process, and the load average around it (other work shares the machine). Run by
// bench/run.ts after bench/import-child.ts.

import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';

import { startServer } from './server.ts';

const [storePath, datasetId = 'bench_alimconfiance', formats = 'csv,json,geojson,parquet'] =
  process.argv.slice(2);
if (!storePath) {
  console.error('usage: export-child.ts STORE [DATASET] [FORMATS]');
  process.exit(2);
}
const client = new URL('./download.mjs', import.meta.url).pathname;
// The portal as users start it (npm start: the bundled start), measured from /proc.
const server = await startServer(storePath, { env: { DATAGORA_QUERY_TIMEOUT_MS: '600000' } });
const address = server.url;
const counted = await fetch(
  `${address}/api/explore/v2.1/catalog/datasets/${datasetId}/records?limit=0`,
);
const rows = ((await counted.json()) as { total_count?: number }).total_count ?? 0;

function download(url: string): Promise<{ status: number; bytes: number; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [client, url], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as { status: number; bytes: number; cpuSeconds: number });
    });
  });
}

// The serving process before any export: the app, two reader threads, their connections
// (settled: a second after its first answers).
await new Promise((resolve) => setTimeout(resolve, 1000));
const baselineRssMb = server.usage().rssMb;
const results: Record<string, Record<string, number>> = {};
for (const format of formats.split(',')) {
  server.resetPeak();
  let peak = server.usage().rssMb;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.usage().rssMb);
  }, 50);
  const loadBefore = loadavg()[0]!;
  const started = process.hrtime.bigint();
  const cpuBefore = server.usage().cpuSeconds;
  const url = `${address}/api/explore/v2.1/catalog/datasets/${datasetId}/exports/${format}`;
  const downloaded = await download(url);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time of all threads (the readers included): steadier than rows/s on a shared machine.
  const cpuSeconds = server.usage().cpuSeconds - cpuBefore;
  clearInterval(sampler);
  // The kernel's peak when it could be reset: no sample misses it.
  peak = Math.max(peak, server.peakRssMb() ?? 0);
  if (downloaded.status !== 200) throw new Error(`${format}: HTTP ${downloaded.status}`);
  results[format] = {
    rowsPerSecond: rows / seconds,
    seconds,
    cpuSeconds,
    cpuMicrosPerRow: (cpuSeconds * 1e6) / rows,
    clientCpuMicrosPerRow: (downloaded.cpuSeconds * 1e6) / rows,
    megabytes: downloaded.bytes / 1e6,
    peakRssMb: peak,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}
await server.stop();
console.log(JSON.stringify({ rows, baselineRssMb, exports: results }));
