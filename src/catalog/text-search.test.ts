import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset } from '../core/dataset.ts';
import { emptyMetas } from '../core/dataset.ts';
import { foldText, queryWords, searchDatasets } from './text-search.ts';

function dataset(id: string, title: string, extra: Partial<Dataset['metas']> = {}): Dataset {
  return {
    id,
    uid: `da_${id}`,
    metas: { ...emptyMetas(title), ...extra },
    visibility: 'domain',
    published: true,
    ownerId: null,
    access: { userIds: [], groupIds: [] },
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
    dataProcessedAt: null,
    metadataProcessedAt: '2026-01-01T00:00:00Z',
    attachments: [],
    current: null,
  };
}

const all = [
  dataset('alim', "Résultats des contrôles sanitaires (Alim'confiance)", {
    keyword: ['hygiène', 'restaurant'],
    publisher: 'DGAL',
  }),
  dataset('trees', 'Arbres remarquables', { description: '<p>Les <b>arbres</b> de Paris</p>' }),
];

test('words are folded: case and accents do not matter', () => {
  assert.equal(foldText('Hygiène À Paris'), 'hygiene a paris');
  assert.deepEqual(queryWords("  Alim'confiance, CONTRÔLES "), ['alim', 'confiance', 'controles']);
});

test('every word must match, anywhere in the searchable metadata', () => {
  assert.deepEqual(
    searchDatasets(all, 'hygiene dgal').map((d) => d.id),
    ['alim'],
  );
  assert.deepEqual(
    searchDatasets(all, 'arbres paris').map((d) => d.id),
    ['trees'],
  );
  assert.deepEqual(searchDatasets(all, 'arbres dgal'), []);
});

test('words match from their start; markup is not searched; no words keeps all', () => {
  assert.deepEqual(searchDatasets(all, 'b'), []);
  assert.deepEqual(
    searchDatasets(all, 'remarq').map((d) => d.id),
    ['trees'],
  );
  assert.equal(searchDatasets(all, '  ').length, 2);
});
