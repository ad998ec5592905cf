import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { OpenApiDocument } from './console-model.ts';
import { consoleOperations, consoleUrl } from './console-model.ts';

const json = { '200': { content: { 'application/json': {} } } };
const file = { '200': { content: { '*/*': {} } } };
const DOC: OpenApiDocument = {
  paths: {
    '/api/explore/v2.1/catalog/datasets/': {
      get: { operationId: 'getCatalogDatasets', parameters: [], responses: json },
    },
    '/api/explore/v2.1/catalog/datasets/{dataset_id}/exports/{format}/': {
      get: {
        operationId: 'getExport',
        summary: 'Export',
        parameters: [
          { name: 'dataset_id', in: 'path', required: true },
          { name: 'format', in: 'path', required: true },
          { name: 'where', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: file,
      },
    },
    '/api/records/1.0/analyze/': {
      get: {
        operationId: 'getAnalyze',
        parameters: [
          { name: 'dataset', in: 'query', required: true },
          { name: 'x', in: 'query', required: true },
          { name: 'y.<serie>.func', in: 'query' },
        ],
        responses: json,
      },
      post: { operationId: 'postAnalyze', parameters: [], responses: json },
    },
  },
};

test('the console lists the GET operations on a dataset, with their parameters', () => {
  const ops = consoleOperations(DOC);
  assert.deepEqual(
    ops.map((o) => [o.id, o.json, o.pathParameters]),
    [
      ['getExport', false, ['format']],
      ['getAnalyze', true, []],
    ],
  );
  assert.deepEqual(
    ops[0]!.parameters.map((p) => [p.name, p.repeated]),
    [
      ['where', true],
      ['limit', false],
    ],
  );
  assert.deepEqual(
    ops[1]!.parameters.map((p) => [p.name, p.required]),
    [
      ['x', true],
      ['y.serie.func', false],
    ],
  );
});

test('a console form becomes the API URL: path filled, repeated values one per line', () => {
  const [exportOp, analyze] = consoleOperations(DOC);
  const values: Record<string, string> = {
    'path.format': 'csv',
    'p.where': 'a = 1\n\n b > 2 \r\n',
    'p.limit': ' ',
  };
  assert.equal(
    consoleUrl(exportOp!, 'my data', (f) => values[f]),
    '/api/explore/v2.1/catalog/datasets/my%20data/exports/csv/?where=a+%3D+1&where=b+%3E+2',
  );
  assert.equal(
    consoleUrl(analyze!, 'd', (f) => ({ 'p.x': 'date', 'p.y.serie.func': 'COUNT' })[f]),
    '/api/records/1.0/analyze/?dataset=d&x=date&y.serie.func=COUNT',
  );
});
