// Imports through the processors, into a real SQLite store: the real 2019 Alim'confiance export
// enriched with administrative divisions (checked against the file's own postal codes and
// commune names, and the division names read here from the package's files), and a small file
// whose issues must name their physical lines.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { isPortalError } from '../../src/core/errors.ts';
import { parseProcessors } from '../../src/core/processors.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import type { TempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const EXPORT_2019 = new URL('../../data/demo/export_alimconfiance.csv', import.meta.url).pathname;

let temp: TempSqliteEngine;
before(async () => {
  temp = await openTempSqliteEngine();
});
after(() => temp.cleanup());

interface Named {
  code: string;
  nom: string;
  region?: string;
}

const require = createRequire(import.meta.url);
const departments = new Map(
  (require('@etalab/decoupage-administratif/data/departements.json') as Named[]).map((d) => [
    d.code,
    d,
  ]),
);
const regions = new Map(
  (require('@etalab/decoupage-administratif/data/regions.json') as Named[]).map((r) => [
    r.code,
    r.nom,
  ]),
);

/** The department a postal code belongs to, by La Poste's numbering. */
function departmentOfPostalCode(code: string): string {
  if (code.startsWith('20')) return Number(code) < 20200 ? '2A' : '2B';
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** A commune name without case, accents, punctuation or Paris/Lyon/Marseille district. */
function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/ \d+(er|e) arrondissement$/, '')
    .replace(/\bst\b/g, 'saint')
    .trim();
}

test('the 2019 export gets reg_name, dep_name and com_name from its postal codes', async () => {
  const report = await importCsvFile(temp.engine, {
    datasetId: 'alim',
    path: EXPORT_2019,
    processors: parseProcessors([
      {
        type: 'admin_divisions',
        field: 'code_postal',
        code: 'postal_code',
        communeName: 'libelle_commune',
      },
    ]),
  });
  assert.equal(report.rows, 15463);
  const names = report.version.fields.map((f) => f.name);
  assert.deepEqual(names.slice(-6), [
    'reg_name',
    'reg_code',
    'dep_name',
    'dep_code',
    'com_name',
    'com_code',
  ]);
  const rows = (await temp.engine.query({
    sql: `SELECT code_postal, libelle_commune, reg_name, reg_code, dep_name, dep_code, com_name
          FROM "${report.version.table}"`,
    params: [],
  })) as (string | null)[][];
  assert.equal(rows.length, 15463);
  let withDepartment = 0;
  let departmentAsPostalCode = 0;
  let withCommune = 0;
  let communeAsFile = 0;
  for (const [postalCode, commune, regName, regCode, depName, depCode, comName] of rows) {
    if (depCode) {
      withDepartment++;
      const department = departments.get(depCode);
      assert.equal(depName, department?.nom);
      assert.equal(regCode, department?.region);
      assert.equal(regName, regions.get(regCode as string));
      if (postalCode && departmentOfPostalCode(postalCode) === depCode) departmentAsPostalCode++;
    }
    if (comName) {
      withCommune++;
      if (commune && plain(comName) === plain(commune)) communeAsFile++;
    }
  }
  // Measured with the package's 6.0.0 data: 15,414 rows get a department (49 have a postal
  // code it does not know, CEDEX or outdated), 15,391 a commune (23 shared postal codes with a
  // name that matches none of their communes keep only department and region).
  assert.ok(withDepartment >= 15400, `${withDepartment} rows with a department`);
  assert.ok(departmentAsPostalCode >= withDepartment - 30, `${departmentAsPostalCode}`);
  assert.ok(withCommune >= 15350, `${withCommune} rows with a commune`);
  assert.ok(communeAsFile >= withCommune * 0.98, `${communeAsFile} of ${withCommune}`);
});

test('issues name the physical line; dropped records are counted', async () => {
  const path = join(temp.dir, 'small.csv');
  writeFileSync(
    path,
    'nom;note;quand\n' +
      'A;1;22/03/2019\n' +
      '"B\nsur deux lignes";2;pas une date\n' +
      'C;3;01/04/2019\n' +
      'D;4;02/04/2019\n',
  );
  const report = await importCsvFile(temp.engine, {
    datasetId: 'small',
    path,
    processors: parseProcessors([
      { type: 'normalize_date', field: 'quand', format: '%d/%m/%Y', to: 'date' },
      { type: 'skip', where: 'note >= 4' },
    ]),
  });
  assert.equal(report.rows, 3);
  assert.equal(report.skipped, 1);
  assert.deepEqual(report.issues, [
    { line: 3, field: 'quand', reason: '"pas une date" does not match the format "%d/%m/%Y"' },
  ]);
  assert.equal(report.version.recordsCount, 3);
  assert.equal(report.version.fields[2]?.type, 'date');
});

test('an invalid processor stops the import before anything is created', async () => {
  const path = join(temp.dir, 'other.csv');
  writeFileSync(path, 'a;b\n1;2\n');
  await assert.rejects(
    importCsvFile(temp.engine, {
      datasetId: 'never',
      path,
      processors: parseProcessors([{ type: 'delete', field: 'c' }]),
    }),
    (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_PROCESSOR_INVALID',
  );
  assert.equal(await temp.engine.metadata.getDataset('never'), null);
});
