import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Dataset, DatasetVersion } from '../core/dataset.ts';
import { emptyMetas } from '../core/dataset.ts';
import { makeField as f } from '../core/field.ts';
import type { RecordsQueryInput } from '../odsql/index.ts';
import { compileRecordsQuery } from '../odsql/index.ts';
import { statementKey } from '../util/statement-key.ts';
import { QueryTrace, cacheScope } from './cached-queries.ts';

const SCHEMA = {
  table: 'records_7',
  fields: [f('city', 'text', { facet: [] }), f('n', 'int', { sortable: [] }), f('d', 'datetime')],
};

const keyOf = (input: RecordsQueryInput, dialect: 'sqlite' | 'postgres' = 'sqlite') => {
  const compiled = compileRecordsQuery(input, SCHEMA, dialect);
  return statementKey({ sql: compiled.sql, params: compiled.params });
};

describe('the cache key: a query in its compiled, canonical form', () => {
  test('spacing, keyword case, quotes and clause order do not matter', () => {
    const plain = keyOf({ where: ["city = 'Lyon'", 'n > 2'], orderBy: 'n desc', limit: 20 });
    const spelled = [
      { limit: 20, orderBy: 'n  DESC', where: ['  city="Lyon" ', 'n>2'] },
      { where: ["`city` = 'Lyon'", '(n > 2)'], orderBy: 'n DESC', limit: 20 },
    ];
    for (const input of spelled) assert.equal(keyOf(input), plain, JSON.stringify(input));
    assert.notEqual(keyOf({ where: ["city = 'Lyon'", 'n > 2'], limit: 20 }), plain);
  });

  test('values, paging, language and time zone where they change the rows', () => {
    const base = keyOf({ where: ["city = 'Lyon'"], limit: 20 });
    assert.notEqual(keyOf({ where: ["city = 'Nantes'"], limit: 20 }), base);
    assert.notEqual(keyOf({ where: ["city = 'Lyon'"], limit: 20, offset: 20 }), base);
    assert.notEqual(keyOf({ where: ["city = 'Lyon'"], limit: 10 }), base);
    const month = (lang: string) => keyOf({ select: "date_format(d, 'MMMM') as m", lang });
    assert.notEqual(month('fr'), month('en'));
    const byDay = (timezone: string) => keyOf({ select: 'day(d) as x', timezone });
    assert.notEqual(byDay('UTC'), byDay('Europe/Paris'));
    // A time zone that changes no row leaves the key alone: rendering is done per request.
    assert.equal(keyOf({ select: 'd', timezone: 'Europe/Paris' }), keyOf({ select: 'd' }));
  });
});

describe('the dataset stamp', () => {
  const version: DatasetVersion = {
    id: 7,
    datasetId: 'shops',
    table: 'records_7',
    fields: SCHEMA.fields,
    status: 'ready',
    recordsCount: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    committedAt: '2026-01-01T00:01:00.000Z',
    source: null,
    error: null,
    createdBy: null,
  };
  const dataset: Dataset = {
    id: 'shops',
    uid: 'da_1',
    metas: emptyMetas('Shops'),
    visibility: 'domain',
    published: true,
    ownerId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:01:00.000Z',
    dataProcessedAt: '2026-01-01T00:01:00.000Z',
    metadataProcessedAt: '2026-01-01T00:00:00.000Z',
    current: version,
    attachments: [],
    access: { userIds: [], groupIds: [] },
  };

  test('changes with the version, its commit, the last change and the dataset’s creation', () => {
    const stamp = cacheScope(dataset)!.stamp;
    const changed: Dataset[] = [
      { ...dataset, current: { ...version, id: 8, table: 'records_8' } },
      { ...dataset, current: { ...version, committedAt: '2026-02-01T00:00:00.000Z' } },
      { ...dataset, modifiedAt: '2026-02-01T00:00:00.000Z' },
      { ...dataset, createdAt: '2026-02-01T00:00:00.000Z' },
    ];
    for (const other of changed) assert.notEqual(cacheScope(other)!.stamp, stamp);
    // Who may read it is not part of it: access is checked before the cache.
    assert.equal(cacheScope({ ...dataset, visibility: 'restricted' })!.stamp, stamp);
    assert.equal(cacheScope({ ...dataset, current: null }), null);
  });
});

test('a trace says hit only when no statement reached the engine', () => {
  const trace = new QueryTrace();
  assert.equal(trace.serverTiming(), null);
  trace.note('hit');
  assert.equal(trace.serverTiming(), 'cache;desc=hit');
  trace.note('stored');
  assert.equal(trace.serverTiming(), 'cache;desc=stored');
  trace.note('miss', 3);
  assert.equal(trace.serverTiming(), 'cache;desc=miss');
  assert.equal(trace.dbMs, 3);
  const volatile = new QueryTrace();
  volatile.note('uncached', 1);
  assert.equal(volatile.serverTiming(), 'cache;desc=uncached');
});
