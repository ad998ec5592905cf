import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset } from '../core/dataset.ts';
import { emptyMetas } from '../core/dataset.ts';
import { inLanguage } from './translated-dataset.ts';

function dataset(translations: unknown): Dataset {
  return {
    id: 'd',
    uid: 'da_d',
    metas: {
      ...emptyMetas('Titre'),
      description: 'Texte',
      keyword: ['eau'],
      publisher: 'Ministère',
      translations,
    },
    visibility: 'domain',
    published: true,
    ownerId: null,
    access: { userIds: [], groupIds: [] },
    createdAt: '2024-01-01T00:00:00.000Z',
    modifiedAt: '2024-01-01T00:00:00.000Z',
    dataProcessedAt: null,
    metadataProcessedAt: '2024-01-01T00:00:00.000Z',
    current: null,
    attachments: [],
  };
}

test('the translated title, description, keywords and publisher replace the originals', () => {
  const d = dataset({
    en: { title: 'Title', description: 'Text', keyword: ['water'], publisher: 'Ministry' },
  });
  const en = inLanguage(d, 'EN').metas;
  assert.equal(en.title, 'Title');
  assert.equal(en.description, 'Text');
  assert.deepEqual(en.keyword, ['water']);
  assert.equal(en.publisher, 'Ministry');
  assert.equal(d.metas.title, 'Titre', 'the original is not changed');
});

test('missing or empty translations keep the original texts', () => {
  const d = dataset({ en: { title: ' ', description: 'Text' } });
  assert.equal(inLanguage(d, 'en').metas.title, 'Titre');
  assert.equal(inLanguage(d, 'en').metas.description, 'Text');
  assert.equal(inLanguage(d, 'de'), d);
  assert.equal(inLanguage(d, undefined), d);
  assert.equal(inLanguage(dataset(null), 'en').metas.title, 'Titre');
});
