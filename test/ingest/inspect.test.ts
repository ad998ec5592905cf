import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Field } from '../../src/core/field.ts';
import { inspectCsv } from '../../src/ingest/index.ts';
import { fixture, tempFile } from './helpers.ts';

function typesOf(fields: Field[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.annotations['multivalued'] ? `${f.type}[${f.annotations['multivalued'][0]}]` : f.type,
    ]),
  );
}

test('every inferable type, with names derived from the labels', async () => {
  const layout = await inspectCsv(fixture('types.csv'));
  assert.equal(layout.delimiter, ';');
  assert.equal(layout.sampleRowCount, 4);
  assert.deepEqual(typesOf(layout.fields), {
    entier: 'int',
    decimal: 'double',
    booleen: 'boolean',
    date_iso: 'date',
    date_fr: 'date',
    horodatage: 'datetime',
    geores: 'geo_point_2d',
    activites: 'text[|]',
    code_postal: 'text',
    siret: 'text',
    vide: 'text',
    texte: 'text',
  });
  assert.deepEqual(
    layout.fields.slice(0, 2).map((f) => [f.label, f.description]),
    [
      ['Entier', null],
      ['Décimal', null],
    ],
  );
});

test('a UTF-8 file with a BOM and CRLF line ends', async () => {
  const layout = await inspectCsv(fixture('bom-crlf.csv'));
  assert.deepEqual([layout.encoding, layout.bom, layout.delimiter], ['utf-8', true, ';']);
  assert.deepEqual(
    layout.fields.map((f) => [f.name, f.label, f.type]),
    [
      ['code_postal', 'Code_postal', 'text'],
      ['libelle_commune', 'Libellé commune', 'text'],
      ['population', 'Population', 'int'],
    ],
  );
});

test('a Windows-1252 file is detected', async () => {
  const layout = await inspectCsv(fixture('windows-1252.csv'));
  assert.deepEqual([layout.encoding, layout.bom], ['windows-1252', false]);
  assert.deepEqual(
    layout.fields.map((f) => f.type),
    ['text', 'text', 'double'],
  );
});

test('tab, pipe and comma delimiters; a forced separator wins', async () => {
  assert.equal((await inspectCsv(fixture('tabs.tsv'))).delimiter, '\t');
  assert.equal((await inspectCsv(fixture('pipes.csv'))).delimiter, '|');
  const comma = tempFile('comma.csv', 'a,b\n"x;y",1\n"z, w",2\n');
  assert.equal((await inspectCsv(comma)).delimiter, ',');
  const forced = await inspectCsv(comma, { separator: ';' });
  assert.deepEqual([forced.delimiter, forced.fields.length], [';', 1]);
});

test('duplicate and empty labels get unique names; labels are kept', async () => {
  const layout = await inspectCsv(fixture('duplicate-labels.csv'));
  assert.deepEqual(
    layout.fields.map((f) => [f.name, f.label]),
    [
      ['libelle_commune', 'Libelle_commune'],
      ['libelle_commune_2', 'Libelle_commune'],
      ['field_3', ''],
      ['prix', 'Prix (€)'],
    ],
  );
});

test('the sample size limits the rows used for inference', async () => {
  const path = tempFile('sample.csv', 'n\n1\n2\n3\nx\n');
  const small = await inspectCsv(path, { sampleRows: 3 });
  assert.deepEqual([small.sampleRowCount, small.fields[0]?.type], [3, 'int']);
  const all = await inspectCsv(path);
  assert.deepEqual([all.sampleRowCount, all.fields[0]?.type], [4, 'text']);
});

test('a given schema replaces inference, and must match the column count', async () => {
  const fields: Field[] = ['a', 'b', 'c'].map((name) => ({
    name,
    label: name.toUpperCase(),
    type: 'text',
    description: null,
    annotations: {},
  }));
  const layout = await inspectCsv(fixture('header-only.csv'), { fields });
  assert.equal(layout.fields, fields);
  await assert.rejects(inspectCsv(fixture('bom-crlf.csv'), { fields: fields.slice(0, 2) }), {
    code: 'DG_ERR_IMPORT_UNREADABLE',
    message: /3 columns but the schema has 2 fields/,
  });
});

test('a forced encoding is used as given', async () => {
  const layout = await inspectCsv(fixture('bom-crlf.csv'), { encoding: 'windows-1252' });
  assert.equal(layout.encoding, 'windows-1252');
  await assert.rejects(inspectCsv(fixture('windows-1252.csv'), { encoding: 'utf-8' }), {
    code: 'DG_ERR_IMPORT_UNREADABLE',
    message: /line 2 is not valid UTF-8/,
  });
});

test('unreadable files: missing, empty, without header, binary, UTF-16', async () => {
  const cases: [string, RegExp][] = [
    [fixture('missing.csv'), /no file at/],
    [fixture('empty.csv'), /empty/],
    [fixture('blank-header.csv'), /first line/],
    [tempFile('zip.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])), /binary/],
    [tempFile('utf16.csv', Buffer.from('\ufeffa;b\n', 'utf16le')), /UTF-16/],
    [fixture(''), /directory/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(inspectCsv(path), { code: 'DG_ERR_IMPORT_UNREADABLE', message }, path);
  }
});
