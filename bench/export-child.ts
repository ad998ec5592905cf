// Serves an imported store and downloads whole-dataset exports over HTTP on loopback, printing
// rows/s and the peak memory of the serving process for each format as JSON (run by
// bench/run.ts after bench/import-child.ts).

import { get } from 'node:http';
import { dirname } from 'node:path';

import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { openSqliteEngine } from '../src/storage/sqlite/index.ts';

const [storePath, datasetId = 'bench_alimconfiance', formats = 'csv,json,geojson,parquet'] =
  process.argv.slice(2);
if (!storePath) {
  console.error('usage: export-child.ts STORE [DATASET] [FORMATS]');
  process.exit(2);
}
const config = loadConfig({ DATAGORA_HOME: dirname(storePath), DATAGORA_LOG_LEVEL: 'silent' });
const engine = await openSqliteEngine({ path: storePath, queryTimeoutMs: 600_000 });
const app = await buildApp(config, { engine, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const dataset = await engine.metadata.getDataset(datasetId);
const rows = dataset?.current?.recordsCount ?? 0;

// The serving process before any export: the app, two reader threads, their connections.
global.gc?.();
const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
const results: Record<
  string,
  {
    rowsPerSecond: number;
    seconds: number;
    cpuSeconds: number;
    megabytes: number;
    peakRssMb: number;
  }
> = {};
for (const format of formats.split(',')) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  // node:http, not fetch: fetch may not drop Accept-Encoding, and the bench measures the export
  // itself, uncompressed (compression is the client's choice).
  const bytes = await new Promise<number>((resolve, reject) => {
    const url = `${address}/api/explore/v2.1/catalog/datasets/${datasetId}/exports/${format}`;
    get(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
      let total = 0;
      response.on('data', (chunk: Buffer) => (total += chunk.length));
      response.on('end', () => resolve(total));
      response.on('error', reject);
    }).on('error', reject);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  // CPU time of all threads (the readers included): steadier than rows/s on a shared machine.
  const cpu = process.cpuUsage(cpuBefore);
  results[format] = {
    rowsPerSecond: rows / seconds,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    megabytes: bytes / 1e6,
    peakRssMb: peak / 1024 / 1024,
  };
}
await app.close();
await engine.close();
console.log(JSON.stringify({ rows, baselineRssMb, exports: results }));
