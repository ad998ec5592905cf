// `npm run bench [-- --rows N] [--engine sqlite] [--only exports|import] [--formats csv,json]`:
// generates (once, cached) an Alim'confiance-shaped CSV, imports it, then measures the portal on
// it and prints one table. Results are also written as JSON under bench/results/. The imported
// store is kept under bench/data/ for `--only exports`, which measures the exports alone on it
// (importing first when there is none); `--only import` imports and prints the import figures.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'sqlite' },
    only: { type: 'string' },
    formats: { type: 'string', default: 'csv,json,geojson,parquet,xlsx' },
  },
});
if (values.only !== undefined && values.only !== 'exports' && values.only !== 'import') {
  console.error(`--only ${values.only}: only 'exports' or 'import' can be measured alone`);
  process.exit(2);
}
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error('--rows takes a positive whole number');
  process.exit(2);
}
if (values.engine !== 'sqlite') {
  console.error(`--engine ${values.engine}: only the sqlite engine exists in this version`);
  process.exit(2);
}

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

const dataDir = join(root, 'bench', 'data');
mkdirSync(dataDir, { recursive: true });
const csv = join(dataDir, `alimconfiance-${rows}.csv`);
if (!existsSync(csv)) {
  console.log(`Generating ${rows} rows into ${csv}…`);
  node(['scripts/gen-alimconfiance.ts', '--rows', String(rows), '--out', csv]);
}

const storeDir = join(dataDir, `store-${rows}`);
const store = join(storeDir, 'bench.sqlite');
const exportsOnly = values.only === 'exports' && existsSync(store);
let imported: Record<string, number> = {};
if (!exportsOnly) {
  rmSync(storeDir, { recursive: true, force: true });
  mkdirSync(storeDir, { recursive: true });
  imported = JSON.parse(
    node(['bench/import-child.ts', csv, store]).trim().split('\n').pop() ?? '{}',
  ) as Record<string, number>;
}
const width = 34;
const line = (name: string, value: string, target = '') =>
  console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${target}`);
console.log(`\nDatagora bench, engine ${values.engine}, ${rows.toLocaleString('en-US')} rows`);
console.log(`load average at the start: ${loadavg()[0]!.toFixed(2)} (2 cores shared)\n`);
if (!exportsOnly) {
  const micros = (seconds: number | undefined) => (((seconds ?? 0) * 1e6) / rows).toFixed(1);
  line('import: rows', String(imported['rows']));
  line(
    'import: rows/s',
    Math.round(imported['rowsPerSecond'] ?? 0).toLocaleString('en-US'),
    '≥ 150,000',
  );
  line('import: load (read + insert) s', (imported['loadSeconds'] ?? 0).toFixed(1));
  line('import: indexes + full text s', (imported['indexSeconds'] ?? 0).toFixed(1));
  line('import: peak memory MB', Math.round(imported['peakRssMb'] ?? 0).toString(), '< 400');
  line('import: CPU time (all threads) s', (imported['cpuSeconds'] ?? 0).toFixed(1));
  line(
    'import: CPU µs/row all, main thread',
    `${micros(imported['cpuSeconds'])}, ${micros(imported['mainThreadCpuSeconds'])}`,
    `load ${loadavg()[0]!.toFixed(2)} at the end`,
  );
  console.log('');
}
if (values.only === 'import') {
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const result = { date: new Date().toISOString(), engine: values.engine, rows, import: imported };
  writeFileSync(join(resultsDir, 'latest-import.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

// Whole-dataset exports over HTTP on loopback, from the store imported. Each format in a process
// of its own: the memory one export leaves to the allocator would count in the next one's peak.
type Exported = { baselineRssMb: number; exports: Record<string, Record<string, number>> };
const exported: Exported = { baselineRssMb: 0, exports: {} };
for (const format of values.formats.split(',')) {
  const one = JSON.parse(
    node(['bench/export-child.ts', store, 'bench_alimconfiance', format])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as Exported;
  exported.baselineRssMb = Math.max(exported.baselineRssMb, one.baselineRssMb);
  Object.assign(exported.exports, one.exports);
}
const exportTargets: Record<string, string> = {
  csv: '≥ 400,000 (step 3), ≥ 500,000 (step 10); < 250 MB',
  json: '≥ 300,000',
  parquet: '≥ 300,000',
};
line('serving process before exports MB', Math.round(exported.baselineRssMb).toString());
for (const [format, figures] of Object.entries(exported.exports ?? {})) {
  const rate = Math.round(figures['rowsPerSecond'] ?? 0).toLocaleString('en-US');
  const value = `${rate} (${Math.round(figures['peakRssMb'] ?? 0)})`;
  line(`export ${format}: rows/s (peak MB)`, value, exportTargets[format] ?? '');
  const cpu = `${(figures['cpuMicrosPerRow'] ?? 0).toFixed(2)} + ${(figures['clientCpuMicrosPerRow'] ?? 0).toFixed(2)}`;
  const load = `load ${(figures['loadBefore'] ?? 0).toFixed(1)} → ${(figures['loadAfter'] ?? 0).toFixed(1)}`;
  line(`  CPU µs/row: server + client`, cpu, load);
}

let odsqlCompile: unknown[] = [];
let pages: unknown;
let audience: unknown;
if (!exportsOnly) {
  // ODSQL parse + analyze + compile time (target: under 50 µs for a typical query).
  const compileOutput = node(['bench/odsql-compile.ts']);
  console.log(`\n${compileOutput.trim()}  (target: median < 50 µs)`);
  odsqlCompile = [
    ...compileOutput.matchAll(/^(.+?)\s{2,}(sqlite|postgres)\s+([\d.]+)\s+([\d.]+)$/gm),
  ].map((m) => ({
    query: (m[1] ?? '').trim(),
    dialect: m[2],
    medianMicros: Number(m[3]),
    p99Micros: Number(m[4]),
  }));

  // Server-side render time of the site's pages on the demo dataset (target: median < 50 ms).
  const pagesOutput = node(['bench/pages-child.ts']).trim().split('\n');
  console.log(`\n${pagesOutput.slice(0, -1).join('\n')}  (target: median < 50 ms)`);
  pages = (JSON.parse(pagesOutput.at(-1) ?? '{}') as { pages?: unknown }).pages;

  // The audience recording's cost on a cached records query (#9; target: under 5 %).
  const audienceOutput = node(['bench/audience-child.ts']).trim().split('\n');
  console.log(`\n${audienceOutput.slice(0, -1).join('\n')}`);
  audience = (JSON.parse(audienceOutput.at(-1) ?? '{}') as { audience?: unknown }).audience;
}

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const result = {
  date: new Date().toISOString(),
  engine: values.engine,
  rows,
  node: process.version,
  only: values.only ?? null,
  loadAverage: loadavg()[0],
  ...(exportsOnly ? {} : { import: imported }),
  serveBaselineRssMb: exported.baselineRssMb,
  exports: exported.exports,
  ...(exportsOnly ? {} : { odsqlCompile, pages, audience }),
};
const name = exportsOnly ? 'latest-exports.json' : 'latest.json';
writeFileSync(join(resultsDir, name), `${JSON.stringify(result, null, 2)}\n`);
