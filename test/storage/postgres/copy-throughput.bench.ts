// Measures loading speed: 1,000,000 synthetic records of 20 fields through COPY, then indexes.
// Not part of the test suite. Run: node --import tsx test/storage/postgres/copy-throughput.bench.ts
// Options: ROWS=200000 BATCH=1000 DATAGORA_TEST_POSTGRES_URL=postgres://…

import { randomBytes } from 'node:crypto';

import type { Row } from '../../../src/core/cell.ts';
import { emptyMetas } from '../../../src/core/dataset.ts';
import type { Field } from '../../../src/core/field.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { createRowEncoder } from '../../../src/storage/postgres/row-encoder.ts';
import { POSTGRES_URL, adminQuery } from './postgres-fixture.ts';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const BATCH = Number(process.env['BATCH'] ?? 1000);

function field(name: string, type: Field['type'], annotations: Field['annotations'] = {}): Field {
  return { name, label: name, type, description: null, annotations };
}

const FIELDS: Field[] = [
  field('siret', 'text'),
  field('name', 'text'),
  field('address', 'text'),
  field('city', 'text', { facet: [] }),
  field('postcode', 'text', { facet: [] }),
  field('activity', 'text', { facet: [] }),
  field('rating', 'text', { facet: [] }),
  field('comment', 'text'),
  field('filters', 'text', { multivalued: ['|'], facet: [] }),
  field('inspections', 'int'),
  field('staff', 'int'),
  field('year', 'int', { sortable: [] }),
  field('code', 'int'),
  field('score', 'double'),
  field('surface', 'double'),
  field('ratio', 'double'),
  field('open', 'boolean'),
  field('inspected_on', 'date'),
  field('updated_at', 'datetime'),
  field('position', 'geo_point_2d'),
];

const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille', 'Nantes', 'Brest', 'Dijon'];
const RATINGS = [
  'Très satisfaisant',
  'Satisfaisant',
  'A améliorer',
  'A corriger de manière urgente',
];
const ACTIVITIES = ['Restaurant', 'Boulangerie', 'Boucherie', 'Libre-service', 'Traiteur'];

function syntheticRow(i: number): Row {
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000);
  return [
    String(10_000_000_000_000 + i),
    `Établissement n°${i}`,
    `${i % 300} rue de la République`,
    CITIES[i % CITIES.length],
    String(10_000 + (i % 90_000)).padStart(5, '0'),
    ACTIVITIES[i % ACTIVITIES.length],
    RATINGS[i % RATINGS.length],
    i % 7 === 0 ? 'Contrôle\tde suivi\nprévu' : null,
    i % 3 === 0 ? ['Restaurant', 'Traiteur'] : ['Boulangerie'],
    i % 12,
    i % 40,
    2015 + (i % 10),
    i,
    (i % 1000) / 10,
    i * 0.37,
    Math.sin(i),
    i % 2 === 0,
    day.toISOString().slice(0, 10),
    day.getTime() + (i % 86_400) * 1000,
    { lat: 42 + (i % 9000) / 1000, lon: -4 + (i % 12000) / 1000 },
  ];
}

function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}

/** The records, made batch by batch as an import would (holding a million rows would measure
 * the garbage collector instead). */
function* batches(): Generator<Row[]> {
  for (let start = 0; start < ROWS; start += BATCH) {
    yield Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, j) => syntheticRow(start + j));
  }
}

let started = performance.now();
for (const _batch of batches()) {
  // generation only
}
const generateMs = performance.now() - started;
console.log(`generate only: ${generateMs.toFixed(0)} ms (${rate(ROWS, generateMs)})`);

started = performance.now();
const encoder = createRowEncoder(FIELDS);
let bytes = 0;
for (const batch of batches()) bytes += Buffer.byteLength(encoder.encode(batch));
const encodeMs = performance.now() - started;
console.log(
  `generate + encode: ${(bytes / 1e6).toFixed(0)} MB of COPY text in ${encodeMs.toFixed(0)} ms ` +
    `(${rate(ROWS, encodeMs)})`,
);

const schema = `dg_bench_${randomBytes(4).toString('hex')}`;
const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
try {
  await engine.metadata.saveDataset({ id: 'bench', metas: emptyMetas('Bench') });
  started = performance.now();
  const writer = await engine.beginVersion({ datasetId: 'bench', fields: FIELDS, source: null });
  for (const batch of batches()) await writer.append(batch);
  const appendMs = performance.now() - started;
  const commitStarted = performance.now();
  const version = await writer.commit();
  const commitMs = performance.now() - commitStarted;
  const totalMs = performance.now() - started;
  console.log(
    `generate + encode + COPY (with _fts): ${appendMs.toFixed(0)} ms (${rate(ROWS, appendMs)})`,
  );
  console.log(`commit (finish COPY, ${9} indexes, ANALYZE, switch): ${commitMs.toFixed(0)} ms`);
  console.log(
    `total: ${version.recordsCount} rows in ${(totalMs / 1000).toFixed(1)} s (${rate(ROWS, totalMs)})`,
  );
  const size = await adminQuery<{ size: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size($1)) AS size`,
    [`${schema}.${version.table}`],
  );
  console.log(`table with indexes: ${size.rows[0]!.size}`);
} finally {
  await engine.close();
  await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
}
