// `npm run bench [-- --rows N] [--engine sqlite]`: generates (once, cached) an
// Alim'confiance-shaped CSV, then measures the portal on it and prints one table.
// Results are also written as JSON under bench/results/.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'sqlite' },
  },
});
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

const work = mkdtempSync(join(tmpdir(), 'datagora-bench-'));
try {
  const imported = JSON.parse(
    node(['bench/import-child.ts', csv, join(work, 'bench.sqlite')])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as Record<string, number>;

  const figures = [
    ['import: rows', String(imported['rows']), ''],
    [
      'import: rows/s',
      Math.round(imported['rowsPerSecond'] ?? 0).toLocaleString('en-US'),
      '≥ 150,000',
    ],
    ['import: load (read + insert) s', (imported['loadSeconds'] ?? 0).toFixed(1), ''],
    ['import: indexes + full text s', (imported['indexSeconds'] ?? 0).toFixed(1), ''],
    ['import: peak memory MB', Math.round(imported['peakRssMb'] ?? 0).toString(), '< 400'],
    ['import: CPU time (all threads) s', (imported['cpuSeconds'] ?? 0).toFixed(1), ''],
  ];
  const width = Math.max(...figures.map((f) => f[0]?.length ?? 0));
  console.log(`\nDatagora bench, engine ${values.engine}, ${rows.toLocaleString('en-US')} rows\n`);
  for (const [name, value, target] of figures) {
    console.log(`${(name ?? '').padEnd(width)}  ${(value ?? '').padStart(12)}  ${target ?? ''}`);
  }

  // Whole-dataset exports over HTTP on loopback, from the store just imported.
  const exported = JSON.parse(
    node(['bench/export-child.ts', join(work, 'bench.sqlite')])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as { exports: Record<string, Record<string, number>> };
  const exportTargets: Record<string, string> = {
    csv: '≥ 400,000 (step 3), ≥ 500,000 (step 10)',
    json: '≥ 300,000',
    parquet: '≥ 300,000',
  };
  console.log('');
  for (const [format, figures] of Object.entries(exported.exports ?? {})) {
    const rate = Math.round(figures['rowsPerSecond'] ?? 0).toLocaleString('en-US');
    const label = `export ${format}: rows/s (peak MB)`;
    const value = `${rate} (${Math.round(figures['peakRssMb'] ?? 0)})`;
    console.log(`${label.padEnd(width)}  ${value.padStart(18)}  ${exportTargets[format] ?? ''}`);
  }

  // ODSQL parse + analyze + compile time (target: under 50 µs for a typical query).
  const compileOutput = node(['bench/odsql-compile.ts']);
  console.log(`\n${compileOutput.trim()}  (target: median < 50 µs)`);
  const odsqlCompile = [
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
  const pages = (JSON.parse(pagesOutput.at(-1) ?? '{}') as { pages?: unknown }).pages;

  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    engine: values.engine,
    rows,
    node: process.version,
    import: imported,
    exports: exported.exports,
    odsqlCompile,
    pages,
  };
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
