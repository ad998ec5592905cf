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

test('field labels and descriptions come in the language asked, where translated', () => {
  const d = dataset(null);
  d.current = {
    id: 1,
    datasetId: 'd',
    table: 'records_1',
    status: 'ready',
    recordsCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    committedAt: null,
    source: null,
    error: null,
    createdBy: null,
    fields: [
      {
        name: 'ville',
        label: 'Ville',
        type: 'text',
        description: 'Commune du relevé',
        annotations: {},
        translations: { en: { label: 'Town' } },
      },
      {
        name: 'note',
        label: 'Note',
        type: 'int',
        description: null,
        annotations: {},
        translations: { en: { label: ' ', description: 'Mark out of 5' } },
      },
    ],
  };
  const en = inLanguage(d, 'en').current!.fields;
  assert.deepEqual(
    en.map((f) => [f.label, f.description]),
    [
      ['Town', 'Commune du relevé'],
      ['Note', 'Mark out of 5'],
    ],
  );
  assert.equal(inLanguage(d, 'en').metas, d.metas, 'untranslated metadata stay as they are');
  assert.equal(d.current.fields[0]!.label, 'Ville', 'the original is not changed');
  assert.equal(inLanguage(d, 'fr'), d);
});
