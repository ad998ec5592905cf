import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

const RECORDS = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=20';

for (const engine of TEST_ENGINES)
  describe(`API headers: CORS, conditional GETs, compression, Server-Timing (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
    });
    after(async () => portal.close());

    test('a preflight from another site allows Authorization and ODS-Widgets-Version', async () => {
      const response = await portal.app.inject({
        method: 'OPTIONS',
        url: RECORDS,
        headers: {
          origin: 'https://reuser.example.org',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization, ods-widgets-version',
        },
      });
      assert.equal(response.statusCode, 204);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
      assert.match(allowed, /authorization/);
      assert.match(allowed, /ods-widgets-version/);
    });

    test('API answers carry CORS headers; the download URL too', async () => {
      for (const url of [RECORDS, '/explore/dataset/export_alimconfiance/download/?fields=siret']) {
        const response = await portal.app.inject({
          method: 'GET',
          url,
          headers: { origin: 'https://reuser.example.org' },
        });
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['access-control-allow-origin'], '*', url);
      }
    });

    test('ETag and Last-Modified come from the dataset version; a match answers 304', async () => {
      const first = await portal.app.inject({ method: 'GET', url: RECORDS });
      const etag = String(first.headers['etag']);
      assert.match(etag, /^W\/"/);
      assert.ok(first.headers['last-modified']);
      const again = await portal.app.inject({
        method: 'GET',
        url: RECORDS,
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const since = await portal.app.inject({
        method: 'GET',
        url: RECORDS,
        headers: { 'if-modified-since': String(first.headers['last-modified']) },
      });
      assert.equal(since.statusCode, 304);
      const otherQuery = await portal.app.inject({
        method: 'GET',
        url: `${RECORDS}&offset=20`,
        headers: { 'if-none-match': etag },
      });
      assert.equal(otherQuery.statusCode, 200, 'another query has another ETag');
    });

    test('answers are compressed when the client accepts it, and timed', async () => {
      const response = await portal.app.inject({
        method: 'GET',
        url: '/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports/csv?limit=500',
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-encoding'], 'gzip');
      assert.match(gunzipSync(response.rawPayload).toString('utf8'), /^\ufefffiltre;/);
      const timed = await portal.app.inject({ method: 'GET', url: RECORDS });
      assert.match(
        String(timed.headers['server-timing']),
        /^db;dur=\d+\.\d, cache;desc=(hit|miss|stored), total;dur=\d+\.\d$/,
      );
    });

    test('a new version changes the ETag', async () => {
      const before = await portal.app.inject({ method: 'GET', url: RECORDS });
      const dataset = await portal.engine.metadata.getDataset('export_alimconfiance');
      const writer = await portal.engine.beginVersion({
        datasetId: 'export_alimconfiance',
        fields: dataset?.current?.fields ?? [],
        source: 'test',
      });
      await writer.commit();
      const after = await portal.app.inject({
        method: 'GET',
        url: RECORDS,
        headers: { 'if-none-match': String(before.headers['etag']) },
      });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers['etag'], before.headers['etag']);
    });
  });
