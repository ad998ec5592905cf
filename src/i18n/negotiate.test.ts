import assert from 'node:assert/strict';
import { test } from 'node:test';

import { acceptedLanguages, negotiateLanguage } from './negotiate.ts';

test('the cookie wins when it names a site language', () => {
  assert.equal(negotiateLanguage('en', 'fr-FR,fr;q=0.9'), 'en');
  assert.equal(negotiateLanguage('fr', 'en'), 'fr');
});

test('an unknown cookie value falls back to Accept-Language', () => {
  assert.equal(negotiateLanguage('de', 'en-GB,en;q=0.8'), 'en');
  assert.equal(negotiateLanguage('<script>', undefined), 'fr');
});

test('Accept-Language is read by quality, then by order', () => {
  assert.deepEqual(acceptedLanguages('de;q=0.5, en-US;q=0.8, fr'), ['fr', 'en', 'de']);
  assert.equal(negotiateLanguage(undefined, 'de, en;q=0.9, fr;q=0.8'), 'en');
  assert.equal(negotiateLanguage(undefined, 'de, es'), 'fr');
});

test('q=0 excludes a language, and garbage is ignored', () => {
  assert.equal(negotiateLanguage(undefined, 'en;q=0, fr;q=0.1'), 'fr');
  assert.equal(negotiateLanguage(undefined, ';;,,q=x'), 'fr');
  assert.deepEqual(acceptedLanguages('en;q=abc'), []);
});

test('only the languages the portal offers are chosen, else its default', () => {
  const englishOnly = { languages: ['en'] as const, defaultLanguage: 'en' as const };
  assert.equal(negotiateLanguage('fr', 'fr-FR', englishOnly), 'en');
  const both = { languages: ['fr', 'en'] as const, defaultLanguage: 'en' as const };
  assert.equal(negotiateLanguage(undefined, 'de', both), 'en');
  assert.equal(negotiateLanguage(undefined, 'fr-CA', both), 'fr');
});
