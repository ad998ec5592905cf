import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { FieldType } from './field.ts';
import { fieldDecimals, makeField } from './field.ts';
import { fieldEditProblems } from './schema-edit-check.ts';
import {
  applyEdit,
  applySchemaEdits,
  editOf,
  fieldPositions,
  isOrderOf,
  needsRebuild,
  schemaEditsFromJson,
  schemaEditsToJson,
} from './schema-edits.ts';

const ville = {
  ...makeField('ville', 'text', { facet: [], boost: ['2'] }),
  label: 'Ville',
  translations: { en: { label: 'Town' } },
};

test('an edit of a field as it is changes nothing, other annotations kept', () => {
  const edit = editOf(ville);
  assert.deepEqual(edit.annotations, { facet: [] });
  assert.deepEqual(applyEdit(ville, edit, true), ville);
});

test('with types, the edited type and list apply; without, the field keeps its own', () => {
  const edit = {
    ...editOf(ville),
    type: 'text' as const,
    annotations: { multivalued: [';'], sortable: [], unit: ['km'] },
  };
  const read = applyEdit(ville, edit, true);
  assert.deepEqual(read.annotations, {
    boost: ['2'],
    multivalued: [';'],
    sortable: [],
    unit: ['km'],
  });
  const written = applyEdit(makeField('ville', 'text', { multivalued: [','] }), edit, false);
  assert.deepEqual(written.annotations, { sortable: [], unit: ['km'], multivalued: [','] });
  const numbers = applyEdit(ville, { ...edit, type: 'int' }, true);
  assert.equal(numbers.type, 'int');
  assert.deepEqual(
    numbers.annotations,
    { boost: ['2'], unit: ['km'] },
    'text-only annotations go, the unit stays',
  );
  assert.equal(applyEdit(ville, { ...edit, translations: {} }, true).translations, undefined);
});

test('a unit and a precision of dates are editable; a precision only on dates', () => {
  const jour = makeField('jour', 'date', { unit: ['j'], timeserie_precision: ['month'] });
  const edit = editOf(jour);
  assert.deepEqual(edit.annotations, { unit: ['j'], timeserie_precision: ['month'] });
  assert.deepEqual(applyEdit(jour, { ...edit, type: 'datetime' }, true).annotations, {
    unit: ['j'],
    timeserie_precision: ['month'],
  });
  assert.deepEqual(applyEdit(jour, { ...edit, type: 'text' }, true).annotations, {
    unit: ['j'],
  });
  const desired = (type: 'date' | 'int', annotations: Record<string, string[]>) => ({
    ...edit,
    type,
    annotations,
  });
  const codes = (type: 'date' | 'int', annotations: Record<string, string[]>) =>
    fieldEditProblems(desired(type, annotations)).map((p) => `${p.part}:${p.code}`);
  assert.deepEqual(codes('date', { unit: ['°C'], timeserie_precision: ['minute'] }), []);
  assert.deepEqual(codes('int', { unit: ['x'.repeat(20)] }), []);
  assert.deepEqual(codes('int', { timeserie_precision: ['day'] }), [
    'timeserie_precision:dateOnly',
  ]);
  assert.deepEqual(codes('date', { timeserie_precision: ['week'] }), [
    'timeserie_precision:unknownPrecision',
  ]);
  assert.deepEqual(codes('date', { timeserie_precision: ['day', 'hour'] }), [
    'timeserie_precision:unknownPrecision',
  ]);
  for (const unit of [['x'.repeat(21)], [' '], ['a\nb'], ['a', 'b'], []]) {
    assert.deepEqual(codes('int', { unit }), ['unit:unit'], JSON.stringify(unit));
  }
});

test('decimals are editable on decimal numbers only, from 0 to 10', () => {
  const codes = (type: FieldType, decimals: string[]) =>
    fieldEditProblems({ ...editOf(makeField('m', type)), type, annotations: { decimals } }).map(
      (p) => `${p.part}:${p.code}`,
    );
  assert.deepEqual(codes('double', ['0']), []);
  assert.deepEqual(codes('double', ['10']), []);
  assert.deepEqual(codes('int', ['2']), ['decimals:doubleOnly']);
  for (const decimals of [['11'], ['-1'], ['1.5'], ['two'], [''], ['1', '2'], []]) {
    assert.deepEqual(codes('double', decimals), ['decimals:decimals'], JSON.stringify(decimals));
  }
  const field = makeField('m', 'double', { decimals: ['3'] });
  assert.equal(fieldDecimals(field), 3);
  assert.equal(fieldDecimals(makeField('m', 'int', { decimals: ['3'] })), undefined);
  const edit = { ...editOf(field), annotations: { decimals: ['3'] } };
  assert.deepEqual(applyEdit(field, edit, true).annotations, { decimals: ['3'] });
  const retyped = applyEdit(field, { ...edit, type: 'int' }, true);
  assert.deepEqual(retyped.annotations, {}, 'decimals go with a type other than double');
  assert.equal(needsRebuild(field, makeField('m', 'double', { decimals: ['1'] })), false);
});

test('fields without an edit, or no edits at all, stay as they are', () => {
  const fields = [ville, makeField('code', 'int')];
  assert.deepEqual(applySchemaEdits(fields, null, true), fields);
  const edits = { fields: { code: { ...editOf(fields[1]!), label: 'Code' } } };
  const edited = applySchemaEdits(fields, edits, true);
  assert.equal(edited[0], ville);
  assert.equal(edited[1]!.label, 'Code');
});

test('an order puts the fields it names first, as it says, then the others as they come', () => {
  const fields = ['a', 'b', 'c', 'd'].map((name) => makeField(name, 'text'));
  assert.deepEqual(fieldPositions(fields, undefined), [0, 1, 2, 3]);
  assert.deepEqual(fieldPositions(fields, ['c', 'a', 'b', 'd']), [2, 0, 1, 3]);
  // A field gone from the file is skipped; a new one (d) comes after those the order names.
  assert.deepEqual(fieldPositions(fields, ['c', 'gone', 'b', 'a']), [2, 1, 0, 3]);
  assert.ok(isOrderOf(['b', 'a'], ['a', 'b']));
  assert.ok(!isOrderOf(['a', 'a'], ['a', 'b']));
  assert.ok(!isOrderOf(['a'], ['a', 'b']));
  assert.ok(!isOrderOf(['a', 'c'], ['a', 'b']));
});

test('the stored edits keep the order beside the fields, and read those saved before', () => {
  const fields = { code: { ...editOf(makeField('code', 'int')), label: 'Code' } };
  const json = schemaEditsToJson({ fields, order: ['ville', 'code'] });
  assert.deepEqual(json, { code: fields.code, $order: ['ville', 'code'] });
  assert.deepEqual(schemaEditsFromJson(JSON.parse(JSON.stringify(json))), {
    fields,
    order: ['ville', 'code'],
  });
  assert.deepEqual(schemaEditsFromJson({ code: fields.code }), { fields });
  assert.deepEqual(schemaEditsToJson({ fields }), { code: fields.code });
});

test('types, lists, facets and sortable need a rebuild; labels, units and facet order do not', () => {
  const plain = makeField('f', 'text');
  assert.ok(needsRebuild(plain, makeField('f', 'int')));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { multivalued: [','] })));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { facet: [] })));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { sortable: [] })));
  assert.ok(!needsRebuild(plain, { ...plain, label: 'F', description: 'd' }));
  assert.ok(!needsRebuild(plain, makeField('f', 'text', { facetsort: ['alphanum'] })));
  assert.ok(!needsRebuild(plain, makeField('f', 'text', { unit: ['m'] })));
  const day = makeField('d', 'date');
  assert.ok(!needsRebuild(day, makeField('d', 'date', { timeserie_precision: ['year'] })));
  const list = makeField('f', 'text', { multivalued: [','] });
  assert.ok(!needsRebuild(list, makeField('f', 'text', { multivalued: [';'] })));
});
