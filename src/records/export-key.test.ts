import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ANONYMOUS } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import { emptyMetas } from '../core/dataset.ts';
import { makeField } from '../core/field.ts';
import type { ExportRequest } from './export-query.ts';
import { exportFileName, exportGroup } from './export-key.ts';

const dataset: Dataset = {
  id: 'd',
  uid: 'da_d',
  metas: emptyMetas('D'),
  visibility: 'domain',
  published: true,
  ownerId: null,
  createdAt: '2026-01-01T00:00:00Z',
  modifiedAt: '2026-01-02T00:00:00Z',
  dataProcessedAt: '2026-01-02T00:00:00Z',
  metadataProcessedAt: '2026-01-02T00:00:00Z',
  current: {
    id: 7,
    datasetId: 'd',
    table: 'records_7',
    fields: [makeField('a', 'text')],
    status: 'ready',
    recordsCount: 1,
    createdAt: '2026-01-02T00:00:00Z',
    committedAt: '2026-01-02T00:00:00Z',
    source: null,
    error: null,
    createdBy: null,
  },
  attachments: [],
  access: { userIds: [], groupIds: [] },
};

const base: ExportRequest = { datasetId: 'd', viewer: ANONYMOUS };
const name = (request: Partial<ExportRequest>, format: unknown = 'csv') =>
  exportFileName(dataset, { ...base, ...request }, format);

test('exportFileName tells apart every part that changes an export', () => {
  const variants: Partial<ExportRequest>[] = [
    {},
    { select: 'a' },
    { where: ['a > 1'] },
    { where: ['a > 1', 'b < 2'] },
    { where: ['a > 1,b < 2'] },
    { groupBy: 'a' },
    { orderBy: 'a' },
    { refine: ['a:1'] },
    { exclude: ['a:1'] },
    { qv1: ['x'] },
    { limit: 5 },
    { offset: 5 },
    { timezone: 'Europe/Paris' },
    { lang: 'en' },
    { withRecordIds: true },
    { withRecordId: true },
  ];
  const names = variants.map((v) => name(v));
  assert.equal(new Set(names).size, names.length);
  assert.notEqual(name({}, 'csv'), name({}, 'json'));
  assert.match(name({})!, /^d~[0-9a-f]{24}~[0-9a-f]{32}$/);
});

test('exportFileName ignores who asks', () => {
  const signedIn = { ...ANONYMOUS, via: 'session' } as ExportRequest['viewer'];
  assert.equal(name({ viewer: signedIn, select: 'a' }), name({ select: 'a' }));
});

test('exportGroup changes with the version, the fields and the metadata dates', () => {
  const group = exportGroup(dataset);
  const version = dataset.current!;
  const changed: Dataset[] = [
    { ...dataset, current: { ...version, id: 8, table: 'records_8' } },
    { ...dataset, current: { ...version, fields: [{ ...makeField('a', 'text'), label: 'A' }] } },
    { ...dataset, modifiedAt: '2026-01-03T00:00:00Z' },
    { ...dataset, metadataProcessedAt: '2026-01-03T00:00:00Z' },
  ];
  for (const other of changed) assert.notEqual(exportGroup(other), group);
  assert.equal(exportGroup({ ...dataset, current: null }), null);
});
