import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset } from '../../core/dataset.ts';
import { emptyMetas } from '../../core/dataset.ts';
import { langAttribute, shownMetas } from './shown-metas.ts';

function dataset(extra: Record<string, unknown>): Dataset {
  return {
    id: 'd',
    uid: 'da_d',
    metas: { ...emptyMetas('Arbres'), description: '<p>Les arbres</p>', language: 'fr', ...extra },
    visibility: 'domain',
    published: true,
    ownerId: null,
    access: { userIds: [], groupIds: [] },
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
    dataProcessedAt: null,
    metadataProcessedAt: '2026-01-01T00:00:00Z',
    current: null,
    attachments: [],
  };
}

test('a translation replaces the title and description in its language', () => {
  const d = dataset({ translations: { en: { title: 'Trees', description: '<p>The trees</p>' } } });
  assert.deepEqual(shownMetas(d, 'en'), {
    title: 'Trees',
    description: '<p>The trees</p>',
    lang: 'en',
  });
  assert.deepEqual(shownMetas(d, 'fr'), {
    title: 'Arbres',
    description: '<p>Les arbres</p>',
    lang: 'fr',
  });
});

test('a translated title alone keeps the original description', () => {
  const d = dataset({ translations: { en: { title: 'Trees' } } });
  assert.equal(shownMetas(d, 'en').description, '<p>Les arbres</p>');
});

test('malformed or empty translations are ignored', () => {
  for (const translations of [
    null,
    'x',
    { en: 'Trees' },
    { en: { title: '  ' } },
    { en: { title: 3 } },
  ]) {
    assert.equal(shownMetas(dataset({ translations }), 'en').title, 'Arbres');
  }
});

test('texts in another language than the page are marked', () => {
  assert.equal(langAttribute('fr', 'en'), 'fr');
  assert.equal(langAttribute('fr-FR', 'fr'), undefined);
  assert.equal(langAttribute(null, 'en'), undefined);
});
