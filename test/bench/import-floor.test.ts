// The import's engine floor (bench/import-floor-child.ts) on a small generated import: it reports
// each step of the engine's own work on the imported rows, and leaves the store as it was.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DATASET_ID } from '../../bench/bench-queries.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const ROWS = 3000;
const script = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const GENERATOR = script('../../scripts/gen-alimconfiance.ts');
const FLOOR = script('../../bench/import-floor-child.ts');

let store: TempSqliteEngine;

before(async () => {
  store = await openTempSqliteEngine();
  const csv = join(store.dir, 'inspections.csv');
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', GENERATOR, '--rows', String(ROWS), '--out', csv],
    { encoding: 'utf8' },
  );
  assert.equal(generated.status, 0, generated.stderr);
  await importCsvFile(store.engine, { datasetId: DATASET_ID, path: csv });
  await store.engine.close();
});

after(() => store.cleanup());

function runFloor(path: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', FLOOR, path], { encoding: 'utf8' });
}

test('the floor reports each step of the engine’s work on every imported row', () => {
  const before = readdirSync(join(store.dir, 'store')).sort();
  const run = runFloor(store.path);
  assert.equal(run.status, 0, run.stderr);
  const floor = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>;
  assert.equal(floor['rows'], ROWS);
  const steps = floor['rowsCpuSeconds']! + floor['textCpuSeconds']! + floor['indexCpuSeconds']!;
  assert.ok(Math.abs(floor['cpuSeconds']! - steps) < 1e-9);
  assert.ok(floor['cpuSeconds']! > 0, 'the steps take CPU time');
  assert.ok(floor['cores']! >= 1);
  assert.ok(Math.abs(floor['maxRowsPerSecond']! - (floor['cores']! * ROWS) / steps) < 1e-6);
  // The scratch file is gone; the store holds what it held.
  assert.deepEqual(readdirSync(join(store.dir, 'store')).sort(), before);
});

test('the floor refuses a store that is not a SQLite file, saying how to call it', () => {
  const run = runFloor('postgres://127.0.0.1:5432/test#bench');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: import-floor-child\.ts/);
  assert.ok(!existsSync(join(store.dir, 'store', 'import-floor.sqlite')));
});
