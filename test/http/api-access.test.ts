import assert from 'node:assert/strict';
import { test } from 'node:test';

import { startTestPortal } from '../helpers/test-portal.ts';

const RECORDS = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=1';

test('an unknown API key or token answers 401 in every accepted form', async () => {
  const portal = await startTestPortal({ demo: true });
  try {
    const cases = [
      { headers: { authorization: 'Apikey abc123' }, url: RECORDS },
      { headers: { authorization: 'ApiKey abc123' }, url: RECORDS },
      { headers: { authorization: 'APIKEY abc123' }, url: RECORDS },
      { headers: { authorization: 'Bearer abc123' }, url: RECORDS },
      { headers: {}, url: `${RECORDS}&apikey=abc123` },
      { headers: {}, url: `${RECORDS}&access_token=abc123` },
      { headers: {}, url: '/explore/dataset/export_alimconfiance/download/?apikey=abc123' },
    ];
    for (const { headers, url } of cases) {
      const response = await portal.app.inject({ method: 'GET', url, headers });
      assert.equal(response.statusCode, 401, JSON.stringify(headers) + url);
      assert.equal(response.json()['error_code'], 'InvalidAPIKeyError');
    }
    const anonymous = await portal.app.inject({ method: 'GET', url: RECORDS });
    assert.equal(anonymous.statusCode, 200);
  } finally {
    await portal.close();
  }
});

test('the anonymous daily quota counts per address, with ODS headers and 429 body', async () => {
  const portal = await startTestPortal({ demo: true, env: { DATAGORA_QUOTA_ANONYMOUS: '3' } });
  try {
    const call = (remoteAddress: string, url = RECORDS) =>
      portal.app.inject({ method: 'GET', url, remoteAddress });
    const first = await call('192.0.2.1');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-ratelimit-limit'], '3');
    assert.equal(first.headers['x-ratelimit-remaining'], '2');
    const reset = Number(first.headers['x-ratelimit-reset']);
    assert.equal(reset % 86_400, 0, 'the reset is a midnight UTC');
    assert.ok(reset * 1000 > Date.now());
    await call('192.0.2.1', '/explore/dataset/export_alimconfiance/download/?fields=siret');
    assert.equal((await call('192.0.2.1')).statusCode, 200);
    const refused = await call('192.0.2.1');
    assert.equal(refused.statusCode, 429);
    const body = refused.json() as Record<string, unknown>;
    assert.equal(body['errorcode'], 10005);
    assert.equal(body['limit_time_unit'], 'day');
    assert.equal(body['call_limit'], 3);
    assert.equal(body['reset_time'], new Date(reset * 1000).toISOString().replace('.000Z', 'Z'));
    assert.equal(typeof body['error'], 'string');
    assert.equal((await call('192.0.2.2')).statusCode, 200, 'another address has its own count');
  } finally {
    await portal.close();
  }
});

test('without DATAGORA_QUOTA_ANONYMOUS, no quota and no rate-limit headers', async () => {
  const portal = await startTestPortal({ demo: true });
  try {
    const response = await portal.app.inject({ method: 'GET', url: RECORDS });
    assert.equal(response.headers['x-ratelimit-limit'], undefined);
  } finally {
    await portal.close();
  }
});
