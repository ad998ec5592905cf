import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fieldNameFromLabel, fieldNamesFromLabels } from './field-name.ts';

test('labels are lowercased, the rest of the characters become single underscores', () => {
  assert.equal(fieldNameFromLabel('APP_Libelle_etablissement'), 'app_libelle_etablissement');
  assert.equal(fieldNameFromLabel('Code_postal'), 'code_postal');
  assert.equal(fieldNameFromLabel('  Prix (en €) -- TTC  '), 'prix_en_ttc');
  assert.equal(fieldNameFromLabel('__a__b__'), 'a_b');
});

test('accents and ligatures are folded to ASCII', () => {
  assert.equal(fieldNameFromLabel("Libellé de l'œuvre"), 'libelle_de_l_oeuvre');
  assert.equal(fieldNameFromLabel('Straße Ærø'), 'strasse_aero');
  assert.equal(
    fieldNameFromLabel('Synthèse évaluation sanitaire'),
    'synthese_evaluation_sanitaire',
  );
  assert.equal(fieldNameFromLabel('Ça'), 'ca');
});

test('an empty name is numbered by position and repeats get a suffix', () => {
  assert.equal(fieldNameFromLabel('€€'), '');
  assert.deepEqual(fieldNamesFromLabels(['A', '', 'a', 'A', '***', 'a_2']), [
    'a',
    'field_2',
    'a_2',
    'a_3',
    'field_5',
    'a_2_2',
  ]);
});
