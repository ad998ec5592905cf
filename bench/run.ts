// `npm run bench [-- --rows N] [--engine sqlite|postgres] [--postgres-url URL]
//   [--only import|exports|queries|throughput|endurance] [--formats csv,json]`:
// generates (once, cached) an Alim'confiance-shaped CSV, imports it, then measures the portal on
// it, each measurement in a process of its own, and prints one table of figures and targets,
// also written as JSON under bench/results/. The imported store (a file under bench/data/, or a
// PostgreSQL schema named after the row count) is kept for `--only …`, which measures one part
// alone on it (importing first when there is none); `--only import` imports again.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { DATASET_ID } from './bench-queries.ts';
import type { BenchResult } from './report.ts';
import { buildTable, printTable } from './report.ts';
import { resetStore, storeHasDataset, storeSpec } from './store.ts';

const root = new URL('..', import.meta.url).pathname;
const PARTS = ['import', 'exports', 'queries', 'throughput', 'endurance'] as const;
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'sqlite' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    only: { type: 'string' },
    formats: { type: 'string', default: 'csv,json,geojson,parquet' },
  },
});
const only = values.only;
if (only !== undefined && !(PARTS as readonly string[]).includes(only)) {
  console.error(`--only ${only}: one of ${PARTS.join(', ')}`);
  process.exit(2);
}
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error('--rows takes a positive whole number');
  process.exit(2);
}
const engine = values.engine;
if (engine !== 'sqlite' && engine !== 'postgres') {
  console.error(`--engine ${engine}: sqlite or postgres`);
  process.exit(2);
}
const wants = (part: (typeof PARTS)[number]) => only === undefined || only === part;

/** Runs a bench child and returns its last line of output, parsed (or all of it, raw). */
function node(args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status})`);
  return result.stdout;
}
function child<T>(args: string[], what: string): T {
  console.log(`… ${what}`);
  return JSON.parse(node(args).trim().split('\n').pop() ?? '{}') as T;
}

const dataDir = join(root, 'bench', 'data');
mkdirSync(dataDir, { recursive: true });
const csv = join(dataDir, `alimconfiance-${rows}.csv`);
if (!existsSync(csv)) {
  console.log(`Generating ${rows} rows into ${csv}…`);
  node(['scripts/gen-alimconfiance.ts', '--rows', String(rows), '--out', csv]);
}

const loadStart = loadavg()[0]!;
const store = storeSpec(engine, rows, values['postgres-url']);
const result: BenchResult = { rows };
if (wants('import') || !(await storeHasDataset(store, DATASET_ID))) {
  await resetStore(store);
  result.import = child(['bench/import-child.ts', csv, store], `importing into ${store}`);
  if (engine === 'sqlite') {
    const what = "the import's engine floor (the rows copied, full-text and B-tree indexes)";
    result.importFloor = child(['bench/import-floor-child.ts', store], what);
  }
}
if (wants('exports')) {
  // Each format in a serving process of its own: the memory one export leaves to the allocator
  // would count in the next one's peak.
  result.exports = {};
  result.exportsCached = {};
  type Out = Pick<BenchResult, 'exports' | 'exportsCached'> & { baselineRssMb: number };
  for (const format of values.formats.split(',')) {
    const exported = child<Out & { cached: BenchResult['exportsCached'] }>(
      ['bench/export-child.ts', store, DATASET_ID, format],
      `${format} export over HTTP, twice (the second from the export cache)`,
    );
    result.serveBaselineRssMb = Math.max(result.serveBaselineRssMb ?? 0, exported.baselineRssMb);
    Object.assign(result.exports, exported.exports);
    Object.assign(result.exportsCached, exported.cached);
  }
}
if (wants('queries')) {
  const what = 'queries over HTTP, and on the engine';
  result.queries = child<BenchResult['queries']>(['bench/queries-child.ts', store], what);
}
if (wants('throughput')) {
  type Figures = Record<string, number | string>;
  type Out = { throughput: Figures; throughputOther: Figures };
  const out = child<Out>(
    ['bench/throughput-child.ts', store],
    "throughput, 10 s, npm start's default processes, then the other choice",
  );
  result.throughput = out.throughput;
  result.throughputOther = out.throughputOther;
}
if (wants('endurance')) {
  type Out = { endurance: Record<string, number> };
  result.endurance = child<Out>(['bench/endurance-child.ts', store], 'endurance, 60 s').endurance;
}
// The engine-independent figures (on the demo data, SQLite), in a whole run on SQLite only.
if (only === undefined && engine === 'sqlite') {
  const compileOutput = node(['bench/odsql-compile.ts']);
  result.odsqlCompile = [
    ...compileOutput.matchAll(/^(.+?)\s{2,}(sqlite|postgres)\s+([\d.]+)\s+([\d.]+)$/gm),
  ].map((m) => ({
    query: (m[1] ?? '').trim(),
    dialect: m[2] ?? '',
    medianMicros: Number(m[3]),
    p99Micros: Number(m[4]),
  }));
  result.pages = child<{ pages: BenchResult['pages'] }>(['bench/pages-child.ts'], 'pages').pages;
  type Out = { audience: Record<string, number | number[]> };
  result.audience = child<Out>(['bench/audience-child.ts'], 'audience recording').audience;
}

const loadEnd = loadavg()[0]!;
const table = buildTable(result);
console.log(`\nDatagora bench, engine ${engine}, ${rows.toLocaleString('en-US')} rows`);
console.log(`load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`);
console.log('(2 cores; other work running makes every time longer)\n');
printTable(table);

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const name = `latest${only ? `-${only}` : ''}${engine === 'postgres' ? '-postgres' : ''}.json`;
const output = {
  date: new Date().toISOString(),
  engine,
  node: process.version,
  only: only ?? null,
  loadAverage: { start: loadStart, end: loadEnd },
  ...result,
  table,
};
writeFileSync(join(resultsDir, name), `${JSON.stringify(output, null, 2)}\n`);
console.log(`\nwritten to bench/results/${name}`);
