// Measures how fast the SQLite engine loads a version: 1,000,000 synthetic records of 20 fields
// (7 text of which 2 facets, 5 int, 4 double, a date, a datetime, a boolean, a geo point),
// then the index and full-text builds. Record generation is not timed.
// Run: node --import tsx test/storage/insert-throughput.bench.ts [records]

import { performance } from 'node:perf_hooks';

import type { Row } from '../../src/core/cell.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { field } from '../helpers/sample-fields.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;

const FIELDS = [
  field('name', 'text', { sortable: [] }),
  field('city', 'text', { facet: [] }),
  field('category', 'text', { facet: [] }),
  field('street', 'text'),
  field('comment', 'text'),
  field('code', 'text'),
  field('owner', 'text'),
  field('i1', 'int'),
  field('i2', 'int'),
  field('i3', 'int'),
  field('i4', 'int'),
  field('i5', 'int'),
  field('d1', 'double'),
  field('d2', 'double'),
  field('d3', 'double'),
  field('d4', 'double'),
  field('day', 'date'),
  field('seen', 'datetime'),
  field('open', 'boolean'),
  field('location', 'geo_point_2d'),
];

const CITIES = ['Paris', 'Lyon', 'Marseille', 'Nantes', 'Lille', 'Rennes', 'Brest', 'Nice'];
const WORDS = ['rue', 'avenue', 'place', 'quai', 'boulevard', 'impasse', 'chemin', 'allée'];

function record(n: number): Row {
  return [
    `Établissement ${n}`,
    CITIES[n % 8]!,
    `catégorie ${n % 37}`,
    `${n % 200} ${WORDS[n % 8]} des Lilas`,
    n % 3 === 0 ? null : `contrôle ${WORDS[(n >> 3) % 8]} satisfaisant`,
    `C${(n * 7919) % 100000}`,
    `Société ${n % 5000}`,
    n,
    n % 1000,
    n * 3,
    -n,
    n % 7,
    n / 3,
    n * 1.5,
    Math.sqrt(n),
    (n % 100) / 7,
    `20${String(10 + (n % 15))}-0${1 + (n % 9)}-1${n % 10}`,
    1_600_000_000_000 + n * 1000,
    n % 2 === 0,
    { lat: 43 + (n % 1000) / 200, lon: -1 + (n % 997) / 150 },
  ];
}

/** Milliseconds of CPU (user + system) this process used since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const temp = await openTempSqliteEngine();
try {
  await temp.engine.metadata.saveDataset({ id: 'bench', metas: emptyMetas('Bench') });
  const writer = await temp.engine.beginVersion({
    datasetId: 'bench',
    fields: FIELDS,
    source: null,
  });
  let appendMs = 0;
  let appendCpuMs = 0;
  for (let from = 0; from < RECORDS; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, RECORDS - from) }, (_, i) =>
      record(from + i),
    );
    const start = performance.now();
    const cpu = process.cpuUsage();
    writer.append(rows);
    appendMs += performance.now() - start;
    appendCpuMs += cpuMs(cpu);
  }
  const commitStart = performance.now();
  const commitCpu = process.cpuUsage();
  await writer.commit();
  const commitMs = performance.now() - commitStart;
  const commitCpuMs = cpuMs(commitCpu);
  const totalMs = appendMs + commitMs;
  const rate = (ms: number) => Math.round(RECORDS / (ms / 1000)).toLocaleString('en');
  console.log(`records: ${RECORDS.toLocaleString('en')} × ${FIELDS.length} fields`);
  const cpuTotal = appendCpuMs + commitCpuMs;
  console.log(
    `append (encode + id + insert): ${appendMs.toFixed(0)} ms (CPU ${appendCpuMs.toFixed(0)} ms), ` +
      `${rate(appendMs)} rows/s`,
  );
  console.log(
    `commit (indexes + full text): ${commitMs.toFixed(0)} ms (CPU ${commitCpuMs.toFixed(0)} ms)`,
  );
  console.log(`CPU: ${((cpuTotal * 1000) / RECORDS).toFixed(2)} µs/row, ${rate(cpuTotal)} rows/s`);
  console.log(
    `total: ${totalMs.toFixed(0)} ms, ${rate(totalMs)} rows/s, ` +
      `${((totalMs * 1000) / RECORDS).toFixed(2)} µs/row`,
  );
} finally {
  await temp.cleanup();
}
