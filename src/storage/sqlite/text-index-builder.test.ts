import assert from 'node:assert/strict';
import { test } from 'node:test';

import { buildFileTable, textIndexBuildPath } from './text-index-builder.ts';

test('build files are named after the store and the table, and recognised', () => {
  const path = textIndexBuildPath('/data/portal.sqlite', 'records_12');
  assert.equal(path, '/data/portal.sqlite-records_12-fts.build');
  assert.equal(buildFileTable('portal.sqlite', 'portal.sqlite-records_12-fts.build'), 'records_12');
  assert.equal(buildFileTable('portal.sqlite', 'other.sqlite-records_12-fts.build'), null);
  assert.equal(buildFileTable('portal.sqlite', 'portal.sqlite-wal'), null);
  assert.equal(buildFileTable('portal.sqlite', 'portal.sqlite-records_x-fts.build'), null);
});
