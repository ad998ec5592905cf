// The row evaluator against the SQL the API runs: the same conditions select the same records
// of the real 2019 export, once through compiled SQL on SQLite and once in memory.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Row } from '../../src/core/cell.ts';
import type { Field } from '../../src/core/field.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import { inspectCsv, readCsv } from '../../src/ingest/index.ts';
import { compileCountQuery } from '../../src/odsql/index.ts';
import { compileRowCondition } from '../../src/odsql/evaluate.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const EXPORT_2019 = new URL('../../data/demo/export_alimconfiance.csv', import.meta.url).pathname;
const TIME_ZONE = 'Europe/Paris';

const CONDITIONS = [
  "synthese_eval_sanit = 'Satisfaisant'",
  "synthese_eval_sanit != 'Satisfaisant' and code_postal >= '75000'",
  "not (code_postal in ('75009', '75011'))",
  "code_postal in ['75000'..'75999']",
  "code_postal in ]'13000'..'13999'[",
  "siret:'75052913300019'",
  "date_inspection >= '2019-03'",
  "date_inspection = '2019'",
  "date_inspection > '2019-06'",
  "date_inspection <= date'2018-12'",
  "date_inspection < date'2019-01-15T12:00:00'",
  "date_inspection:'2019/02'",
  'year(date_inspection) = 2018 and month(date_inspection) in (12, 11)',
  'hour(date_inspection) = 2',
  "date_format(date_inspection, 'EEEE') = 'lundi'",
  "app_libelle_activite_etablissement != 'Restaurant' or code_postal < '02000'",
  "'Restaurant' in filtre and synthese_eval_sanit = 'A améliorer'",
  'filtre is null or geores is null',
  'agrement is null and geores is not null',
  "libelle_commune like 'paris'",
  "libelle_commune like 'saint*'",
  "search(app_libelle_etablissement, 'pizz')",
  "search(app_libelle_etablissement, 'chez marc')",
  "suggest(app_libelle_etablissement, 'bo pa')",
  '"boulangerie"',
  "startswith(app_libelle_etablissement, 'LE ')",
  "within_distance(geores, geom'POINT(2.35 48.85)', 5km)",
  "distance(geores, geom'POINT(4.83 45.76)') < 20000",
  'in_bbox(geores, 43, 1, 45, 3)',
  'geores is null',
  'length(libelle_commune) > 12',
  "lower(libelle_commune) = 'lyon' or upper(libelle_commune) = 'MARSEILLE'",
  "ifnull(agrement, libelle_commune) = 'Marseille'",
];

let temp: TempSqliteEngine;
let table: string;
let fields: Field[];
const rows: Row[] = [];

before(async () => {
  temp = await openTempSqliteEngine();
  const report = await importCsvFile(temp.engine, { datasetId: 'alim', path: EXPORT_2019 });
  table = report.version.table;
  fields = report.version.fields;
  const layout = await inspectCsv(EXPORT_2019);
  await readCsv(EXPORT_2019, layout, (batch) => {
    rows.push(...batch);
  });
});
after(() => temp.cleanup());

for (const condition of CONDITIONS) {
  test(`where ${condition}`, async () => {
    const count = compileCountQuery(
      { where: [condition], timezone: TIME_ZONE },
      { table, fields },
      'sqlite',
    );
    const sql = count.sql.replace(/^SELECT count\(\*\)/, 'SELECT "_rowid"');
    const fromSql = (await temp.engine.query({ sql, params: count.params })).map((r) =>
      Number(r[0]),
    );
    const matches = compileRowCondition(condition, { fields, timeZone: TIME_ZONE });
    const inMemory: number[] = [];
    rows.forEach((row, i) => {
      if (matches(row)) inMemory.push(i + 1);
    });
    // Every condition picks some records and leaves others: none passes by matching nothing.
    assert.ok(inMemory.length > 0 && inMemory.length < rows.length, `${inMemory.length} records`);
    assert.deepEqual(
      inMemory,
      fromSql.sort((a, b) => a - b),
    );
  });
}
