import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LANGUAGES } from './languages.ts';
import { CATALOGUES, plural, translator } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every language has every key, non-empty, with the same placeholders and forms', () => {
  const reference = CATALOGUES.fr;
  for (const lang of LANGUAGES) {
    const messages = CATALOGUES[lang];
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(reference).sort(), lang);
    for (const [key, text] of Object.entries(messages)) {
      const french = reference[key as keyof typeof reference];
      assert.ok(text.trim() !== '', `${lang} ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(french), `${lang} ${key} placeholders`);
      assert.equal(text.split('|').length, french.split('|').length, `${lang} ${key} forms`);
    }
  }
});

test('placeholders are filled and numbers written the language’s way', () => {
  assert.equal(translator('en')('pagination.page', { page: 12345 }), 'Page 12,345');
  assert.equal(translator('fr')('pagination.page', { page: 12345 }), 'Page 12\u202f345');
});

test('plural forms follow each language: French 0 and 1 are singular', () => {
  assert.equal(plural('fr', 'dataset.records', 0), '0 enregistrement');
  assert.equal(plural('fr', 'dataset.records', 2), '2 enregistrements');
  assert.equal(plural('en', 'dataset.records', 0), '0 records');
  assert.equal(plural('en', 'dataset.records', 1), '1 record');
});
