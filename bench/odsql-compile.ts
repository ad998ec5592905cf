// Parse + analyze + compile time of typical ODSQL queries, per dialect: median and p99 in µs.
// Run with `node --import tsx bench/odsql-compile.ts`; exits 0.

import { makeField as field } from '../src/core/field.ts';
import type { DialectName, RecordsQueryInput } from '../src/odsql/index.ts';
import { compileCountQuery, compileRecordsQuery } from '../src/odsql/index.ts';

/** The demo dataset's shape (export_alimconfiance). */
const SCHEMA = {
  table: 'records_1',
  fields: [
    field('app_libelle_etablissement', 'text'),
    field('libelle_commune', 'text'),
    field('code_postal', 'text'),
    field('app_libelle_activite_etablissement', 'text', { multivalued: ['|'] }),
    field('synthese_eval_sanit', 'text'),
    field('date_inspection', 'datetime'),
    field('siret', 'text'),
    field('geores', 'geo_point_2d'),
  ],
};

const QUERIES: Record<string, RecordsQueryInput> = {
  'filtered sorted page': {
    select: 'app_libelle_etablissement, libelle_commune, date_inspection',
    where: ["code_postal = '75009' and date_inspection >= date'2019-01'"],
    orderBy: 'date_inspection desc',
    limit: 20,
    offset: 40,
  },
  'grouped aggregation': {
    select: 'synthese_eval_sanit, year(date_inspection) as y, count(*) as n',
    groupBy: 'synthese_eval_sanit, year(date_inspection) as y',
    orderBy: 'n desc',
    timezone: 'Europe/Paris',
  },
  'full-text search with refine': {
    where: ['"boulangerie" and within_distance(geores, geom\'POINT(2.35 48.85)\', 5km)'],
    refine: ['app_libelle_activite_etablissement:Restaurant', 'date_inspection:2019/03'],
    timezone: 'Europe/Paris',
    limit: 10,
  },
};

const WARMUP = 2000;
const RUNS = 20000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function measure(input: RecordsQueryInput, dialect: DialectName): { median: number; p99: number } {
  const run = () => compileRecordsQuery(input, SCHEMA, dialect);
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99) };
}

// Every query must compile (with its count query) before it is timed.
for (const dialect of ['sqlite', 'postgres'] as const) {
  for (const input of Object.values(QUERIES)) {
    compileRecordsQuery(input, SCHEMA, dialect);
    compileCountQuery(input, SCHEMA, dialect);
  }
}

console.log('ODSQL parse + analyze + compile, µs per query');
console.log(
  `${'query'.padEnd(32)} ${'dialect'.padEnd(9)} ${'median'.padStart(8)} ${'p99'.padStart(8)}`,
);
for (const [name, input] of Object.entries(QUERIES)) {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const { median, p99 } = measure(input, dialect);
    console.log(
      `${name.padEnd(32)} ${dialect.padEnd(9)} ${median.toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)}`,
    );
  }
}
