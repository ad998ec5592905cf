import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from './field.ts';
import { applyEdit, applySchemaEdits, editOf, needsRebuild } from './schema-edits.ts';

const ville = {
  ...makeField('ville', 'text', { facet: [], unit: ['km'] }),
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
    annotations: { multivalued: [';'], sortable: [] },
  };
  const read = applyEdit(ville, edit, true);
  assert.deepEqual(read.annotations, { unit: ['km'], multivalued: [';'], sortable: [] });
  const written = applyEdit(makeField('ville', 'text', { multivalued: [','] }), edit, false);
  assert.deepEqual(written.annotations, { sortable: [], multivalued: [','] });
  const numbers = applyEdit(ville, { ...edit, type: 'int' }, true);
  assert.equal(numbers.type, 'int');
  assert.deepEqual(numbers.annotations, { unit: ['km'] }, 'text-only annotations go');
  assert.equal(applyEdit(ville, { ...edit, translations: {} }, true).translations, undefined);
});

test('fields without an edit, or no edits at all, stay as they are', () => {
  const fields = [ville, makeField('code', 'int')];
  assert.deepEqual(applySchemaEdits(fields, null, true), fields);
  const edited = applySchemaEdits(fields, { code: { ...editOf(fields[1]!), label: 'Code' } }, true);
  assert.equal(edited[0], ville);
  assert.equal(edited[1]!.label, 'Code');
});

test('types, lists, facets and sortable need a rebuild; labels and facet order do not', () => {
  const plain = makeField('f', 'text');
  assert.ok(needsRebuild(plain, makeField('f', 'int')));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { multivalued: [','] })));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { facet: [] })));
  assert.ok(needsRebuild(plain, makeField('f', 'text', { sortable: [] })));
  assert.ok(!needsRebuild(plain, { ...plain, label: 'F', description: 'd' }));
  assert.ok(!needsRebuild(plain, makeField('f', 'text', { facetsort: ['alphanum'] })));
  const list = makeField('f', 'text', { multivalued: [','] });
  assert.ok(!needsRebuild(list, makeField('f', 'text', { multivalued: [';'] })));
});
