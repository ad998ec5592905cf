import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { API_ROUTES } from '../../src/api/openapi/routes-table.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { getJson, startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

for (const engine of TEST_ENGINES)
  describe(`the OpenAPI description (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine });
    });
    after(async () => portal.close());

    test('is served, in OpenAPI 3, with every documented path', async () => {
      const { status, body } = await getJson(portal, '/api/explore/v2.1/openapi.json');
      assert.equal(status, 200);
      assert.equal(body['openapi'], '3.0.3');
      const paths = body['paths'] as Record<
        string,
        Record<string, { parameters: { name: string }[] }>
      >;
      assert.deepEqual(
        Object.keys(paths).sort(),
        [...new Set(API_ROUTES.map((r) => r.path))].sort(),
      );
      const records = paths['/api/explore/v2.1/catalog/datasets/{dataset_id}/records/']?.['get'];
      assert.ok(records?.parameters.some((p) => p.name === 'where'));
      assert.ok(records?.parameters.some((p) => p.name === 'dataset_id'));
      assert.ok(records?.parameters.some((p) => p.name === 'include_links'));
      const ids = Object.values(paths).flatMap((ops) =>
        Object.values(ops).map((op) => (op as { operationId?: string }).operationId),
      );
      assert.ok(ids.every((id) => typeof id === 'string' && /^[a-z]+[A-Za-z0-9]*$/.test(id)));
      assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
      assert.equal(
        paths['/api/explore/v2.1/catalog/datasets/{dataset_id}/records/']?.['get']?.[
          'operationId' as 'parameters'
        ] as unknown,
        'getCatalogDatasetsByDatasetIdRecords',
      );
    });

    test('documents only routes the server really answers', () => {
      for (const route of API_ROUTES) {
        const url = route.path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '');
        assert.ok(
          portal.app.hasRoute({ method: route.method.toUpperCase() as 'GET', url }),
          `${route.method} ${route.path}`,
        );
      }
    });
  });
