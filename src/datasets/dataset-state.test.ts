import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset, DatasetVersion } from '../core/dataset.ts';
import { emptyMetas } from '../core/dataset.ts';
import { importFailed, isStateFilter, matchesState, publicationOf } from './dataset-state.ts';

function dataset(over: Partial<Dataset>): Dataset {
  return {
    id: 'd',
    uid: 'da_x',
    metas: emptyMetas('D'),
    visibility: 'domain',
    published: true,
    ownerId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    dataProcessedAt: null,
    metadataProcessedAt: '2026-01-01T00:00:00.000Z',
    current: null,
    attachments: [],
    access: { userIds: [], groupIds: [] },
    ...over,
  };
}

test('a draft is a draft whatever its visibility; otherwise restricted or published', () => {
  assert.equal(publicationOf(dataset({ published: false, visibility: 'restricted' })), 'draft');
  assert.equal(publicationOf(dataset({ visibility: 'restricted' })), 'restricted');
  assert.equal(publicationOf(dataset({})), 'published');
});

test('an import failed when the latest version did', () => {
  const version = { status: 'failed' } as DatasetVersion;
  assert.equal(importFailed(version), true);
  assert.equal(importFailed({ ...version, status: 'ready' }), false);
  assert.equal(importFailed(undefined), false);
});

test('the state filter picks a publication state or a failed import', () => {
  assert.equal(matchesState('failed', 'published', true), true);
  assert.equal(matchesState('failed', 'published', false), false);
  assert.equal(matchesState('draft', 'draft', true), true);
  assert.equal(matchesState('published', 'restricted', false), false);
  assert.equal(isStateFilter('draft'), true);
  assert.equal(isStateFilter('deleted'), false);
});
