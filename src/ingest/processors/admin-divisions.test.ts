import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField as field } from '../../core/field.ts';
import { parseProcessors } from '../../core/processors.ts';
import { IssueLog } from '../issue-log.ts';
import {
  adminIndex,
  divisionOfInsee,
  divisionOfPostalCode,
  foldName,
  normalizeCode,
} from './admin-divisions.ts';
import { compile } from './pipeline.ts';

const idx = adminIndex();

test('an INSEE code gives the commune, its department and region', () => {
  assert.deepEqual(divisionOfInsee(idx, '47265'), {
    com_code: '47265',
    com_name: 'Saint-Pastour',
    dep_code: '47',
    dep_name: 'Lot-et-Garonne',
    reg_code: '75',
    reg_name: 'Nouvelle-Aquitaine',
  });
  assert.equal(divisionOfInsee(idx, '2a004')?.dep_name, 'Corse-du-Sud');
  // A Paris district and a former commune answer for their current commune.
  assert.equal(divisionOfInsee(idx, '75109')?.com_name, 'Paris');
  assert.equal(divisionOfInsee(idx, '01015')?.com_code, '01015');
  assert.equal(divisionOfInsee(idx, '99999'), null);
});

test('a postal code shared by communes is settled by the name beside it', () => {
  // 01200 covers communes of Ain and one of Haute-Savoie.
  assert.equal(divisionOfPostalCode(idx, '01200', 'ELOISE')?.dep_code, '74');
  assert.equal(divisionOfPostalCode(idx, '01200', 'Billiat')?.com_code, '01044');
  // A former name (Bellegarde-sur-Valserine is now part of Valserhône).
  assert.equal(
    divisionOfPostalCode(idx, '01200', 'BELLEGARDE SUR VALSERINE')?.com_name,
    'Valserhône',
  );
  // No name, and departments differ: nothing is guessed.
  assert.equal(divisionOfPostalCode(idx, '01200', null), null);
  // No name, one department: department and region only.
  const shared = divisionOfPostalCode(idx, '47290', null);
  assert.equal(shared?.com_code, null);
  assert.equal(shared?.dep_name, 'Lot-et-Garonne');
  // The only commune of its code.
  assert.equal(divisionOfPostalCode(idx, '75009', 'Paris 9e  Arrondissement')?.com_code, '75056');
  assert.equal(divisionOfPostalCode(idx, '00000', null), null);
});

test('names and codes are read as files write them', () => {
  assert.equal(foldName("L'Abergement-Clémenciat"), 'l abergement clemenciat');
  assert.equal(foldName('ST JEAN DE LUZ'), 'saint jean de luz');
  assert.equal(foldName('Ste-Foy'), 'sainte foy');
  assert.equal(normalizeCode(1400), '01400');
  assert.equal(normalizeCode(' 1400 '), '01400');
  assert.equal(normalizeCode('2A004'), '2A004');
  assert.equal(normalizeCode(''), null);
});

test('the processor adds the six fields in the order of Alim’confiance', () => {
  const fields = [field('cp', 'text'), field('ville', 'text'), field('dep_name', 'text')];
  const pipeline = compile(
    parseProcessors([
      {
        type: 'admin_divisions',
        field: 'cp',
        code: 'postal_code',
        communeName: 'ville',
        outputs: { reg_code: null, com_code: 'insee' },
      },
    ]),
    fields,
  );
  assert.deepEqual(
    pipeline.fields.map((f) => f.name),
    ['cp', 'ville', 'dep_name', 'reg_name', 'dep_code', 'com_name', 'insee'],
  );
  const issues = new IssueLog();
  const row = pipeline.apply(['47290', 'Saint-Pastour', 'old'], 2, issues);
  assert.deepEqual(row, [
    '47290',
    'Saint-Pastour',
    'Lot-et-Garonne',
    'Nouvelle-Aquitaine',
    '47',
    'Saint-Pastour',
    '47265',
  ]);
  const unknown = pipeline.apply(['99999', 'Nowhere', null], 3, issues);
  assert.deepEqual(unknown, ['99999', 'Nowhere', null, null, null, null, null]);
  assert.deepEqual(issues.result().issues, [
    { line: 3, field: 'cp', reason: '"99999" is not a known postal code' },
  ]);
});
