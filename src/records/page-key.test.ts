import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ANONYMOUS } from '../core/access.ts';
import { pageKey } from './page-key.ts';
import type { RecordsRequest } from './records-service.ts';

const base: RecordsRequest = { datasetId: 'd', viewer: ANONYMOUS };

test('pageKey tells apart every part that changes a page', () => {
  const variants: Partial<RecordsRequest>[] = [
    {},
    { select: 'a' },
    { where: ['a > 1'] },
    { where: ['a > 1', 'b < 2'] },
    { groupBy: 'a' },
    { orderBy: 'a' },
    { refine: ['a:1'] },
    { exclude: ['a:1'] },
    { qv1: ['x'] },
    { limit: 5 },
    { offset: 5 },
    { lang: 'en' },
    { withRecordIds: true },
  ];
  const keys = variants.map((v) => pageKey({ ...base, ...v }, 'UTC'));
  assert.equal(new Set(keys).size, keys.length);
  assert.notEqual(pageKey(base, 'UTC'), pageKey(base, 'Europe/Paris'));
});

test('pageKey ignores who asks and the dataset named (the stamp says which)', () => {
  const signedIn = { ...ANONYMOUS, via: 'session' } as RecordsRequest['viewer'];
  assert.equal(
    pageKey({ ...base, viewer: signedIn, select: 'a' }, 'UTC'),
    pageKey({ ...base, select: 'a' }, 'UTC'),
  );
});

test('pageKey keeps a list apart from its joined text', () => {
  assert.notEqual(
    pageKey({ ...base, where: ['a', 'b'] }, 'UTC'),
    pageKey({ ...base, where: ['a,b'] }, 'UTC'),
  );
});
