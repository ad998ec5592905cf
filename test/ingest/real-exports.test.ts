// The real DGAL exports kept in /work/shared/data/dgal (skipped where that folder is absent).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

import type { Field } from '../../src/core/field.ts';
import { inspectCsv } from '../../src/ingest/index.ts';
import { readAll } from './helpers.ts';

const DGAL = '/work/shared/data/dgal';
const EXPORT_2019 = `${DGAL}/Adoupro__DATA4FOOD/export_alimconfiance.csv`;
const EXPORT_2017 = `${DGAL}/cquest__data-alim-confiance/2017-08-22/export_alimconfiance.csv`;

function typeOf(fields: Field[], name: string): string | undefined {
  const field = fields.find((f) => f.name === name);
  const separator = field?.annotations['multivalued']?.[0];
  return separator ? `${field?.type}[${separator}]` : field?.type;
}

test('the 2019 portal export', { skip: !existsSync(EXPORT_2019) }, async () => {
  const layout = await inspectCsv(EXPORT_2019);
  assert.deepEqual([layout.delimiter, layout.encoding, layout.bom], [';', 'utf-8', false]);
  assert.deepEqual(
    layout.fields.map((f) => f.name),
    [
      'filtre',
      'app_libelle_activite_etablissement',
      'app_libelle_etablissement',
      'ods_adresse',
      'code_postal',
      'libelle_commune',
      'synthese_eval_sanit',
      'geores',
      'siret',
      'date_inspection',
      'numero_inspection',
      'agrement',
      'ods_type_activite',
    ],
  );
  assert.equal(layout.fields[0]?.label, 'filtre');
  assert.equal(layout.fields[1]?.label, 'APP_Libelle_activite_etablissement');
  assert.equal(typeOf(layout.fields, 'geores'), 'geo_point_2d');
  assert.equal(typeOf(layout.fields, 'date_inspection'), 'datetime');
  assert.equal(typeOf(layout.fields, 'code_postal'), 'text');
  assert.equal(typeOf(layout.fields, 'siret'), 'text');
  assert.equal(typeOf(layout.fields, 'numero_inspection'), 'text');

  const { rows, result } = await readAll(EXPORT_2019);
  assert.deepEqual(result, { rows: 15463, rejected: 0, issues: [], issueCount: 0 });
  assert.deepEqual(rows[0], [
    'Restaurant',
    'Restaurant',
    'RELAIS DES BASTIDES',
    'LD LE BOURG',
    '47290',
    'Saint-Pastour',
    'Très satisfaisant',
    { lat: 44.488403, lon: 0.600709 },
    '75052913300019',
    Date.UTC(2019, 2, 22),
    '19-048897-1',
    null,
    'Autres',
  ]);
  const geores = layout.fields.findIndex((f) => f.name === 'geores');
  assert.equal(rows.filter((row) => row[geores] === null).length, 420);
});

test(
  'the 2017 archive: commas, quoted values and `|` lists',
  { skip: !existsSync(EXPORT_2017) },
  async () => {
    const layout = await inspectCsv(EXPORT_2017);
    assert.equal(layout.delimiter, ',');
    assert.equal(typeOf(layout.fields, 'app_libelle_activite_etablissement'), 'text[|]');
    assert.equal(typeOf(layout.fields, 'filtre'), 'text[|]');
    assert.equal(typeOf(layout.fields, 'ods_adresse'), 'text');
    assert.equal(typeOf(layout.fields, 'libelle_commune_2'), 'text');
    const { rows, result } = await readAll(EXPORT_2017);
    assert.deepEqual([result.rows, result.rejected, result.issueCount], [19053, 0, 0]);
    assert.equal(rows[0]?.[2], '689, avenue Marius Autric');
  },
);
