import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Field } from '../../src/core/field.ts';
import { inspectCsv } from '../../src/ingest/index.ts';
import { readAll, tempPath } from './helpers.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/gen-alimconfiance.ts', import.meta.url));

function generate(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { encoding: 'utf8' });
}

function typeOf(field: Field): string {
  const separator = field.annotations['multivalued']?.[0];
  return separator ? `${field.type}[${separator}]` : field.type;
}

test('the generator is deterministic and its output reads back with the expected types', async () => {
  const [a, b, c] = [tempPath('gen-a.csv'), tempPath('gen-b.csv'), tempPath('gen-c.csv')];
  const run = generate('--rows', '3000', '--out', a, '--seed', '7');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Wrote 3000 rows .* seed 7\.\n$/);
  assert.equal(generate('--rows', '3000', '--out', b, '--seed', '7').status, 0);
  assert.equal(generate('--rows', '3000', '--out', c, '--seed', '8').status, 0);
  const bytes = readFileSync(a);
  assert.ok(bytes.equals(readFileSync(b)), 'same arguments, same bytes');
  assert.ok(!bytes.equals(readFileSync(c)), 'another seed, other bytes');
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('APP_Libelle_etablissement;SIRET;Adresse_2_UA;Code_postal;'));
  assert.equal(text.split('\r\n').length, 3002);

  const layout = await inspectCsv(a);
  assert.deepEqual([layout.delimiter, layout.encoding, layout.bom], [';', 'utf-8', false]);
  assert.deepEqual(Object.fromEntries(layout.fields.map((f) => [f.name, typeOf(f)])), {
    app_libelle_etablissement: 'text',
    siret: 'text',
    adresse_2_ua: 'text',
    code_postal: 'text',
    libelle_commune: 'text',
    numero_inspection: 'text',
    date_inspection: 'datetime',
    app_libelle_activite_etablissement: 'text[,]',
    synthese_eval_sanit: 'text',
    app_code_synthese_eval_sanit: 'int',
    agrement: 'text',
    geores: 'geo_point_2d',
    filtre: 'text[,]',
    ods_type_activite: 'text',
    reg_name: 'text',
    reg_code: 'text',
    dep_name: 'text',
    dep_code: 'text',
    com_name: 'text',
    com_code: 'text',
  });

  const { rows, result } = await readAll(a);
  assert.deepEqual([result.rows, result.rejected, result.issueCount], [3000, 0, 0]);
  const column = (name: string) => layout.fields.findIndex((f) => f.name === name);
  const results = new Map<unknown, number>();
  for (const row of rows) {
    const key = `${row[column('app_code_synthese_eval_sanit')]} ${row[column('synthese_eval_sanit')]}`;
    results.set(key, (results.get(key) ?? 0) + 1);
  }
  assert.deepEqual([...results.keys()].sort(), [
    '1 Très satisfaisant',
    '2 Satisfaisant',
    '3 A améliorer',
    '4 A corriger de manière urgente',
  ]);
  assert.ok((results.get('1 Très satisfaisant') ?? 0) > 1350);
  const emptyGeo = rows.filter((row) => row[column('geores')] === null).length;
  assert.ok(emptyGeo > 60 && emptyGeo < 200, `${emptyGeo} empty geores`);
  for (const row of rows.slice(0, 200)) {
    assert.match(String(row[column('siret')]), /^\d{14}$/);
    assert.match(String(row[column('numero_inspection')]), /^\d{2}-\d{6}-\d$/);
    const point = row[column('geores')] as { lat: number; lon: number } | null;
    if (
      point &&
      row[column('dep_code')] !== '976' &&
      !String(row[column('dep_code')]).startsWith('97')
    ) {
      assert.ok(
        point.lat > 41 && point.lat < 51.5 && point.lon > -5.5 && point.lon < 10,
        JSON.stringify(point),
      );
    }
  }
});

test('usage errors print the usage and exit with 2', () => {
  for (const args of [
    [],
    ['--rows', 'ten', '--out', 'x.csv'],
    ['--rows', '5'],
    ['--out', 'x', '--bad', '1'],
  ]) {
    const run = generate(...args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /usage: gen-alimconfiance --rows N --out FILE/);
  }
});
