import assert from 'node:assert/strict';
import { test } from 'node:test';

import { startTestPortal } from '../helpers/test-portal.ts';

async function whoAmI(env: Record<string, string>) {
  const portal = await startTestPortal({ env });
  try {
    portal.app.get('/test/who-am-i', async (request) => ({
      ip: request.ip,
      protocol: request.protocol,
    }));
    const response = await portal.app.inject({
      method: 'GET',
      url: '/test/who-am-i',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
    });
    return response.json() as { ip: string; protocol: string };
  } finally {
    await portal.close();
  }
}

test('behind a trusted proxy, the client address and scheme come from X-Forwarded-*', async () => {
  assert.deepEqual(await whoAmI({ DATAGORA_TRUST_PROXY: 'true' }), {
    ip: '203.0.113.7',
    protocol: 'https',
  });
  assert.deepEqual(await whoAmI({ DATAGORA_TRUST_PROXY: '10.0.0.0/8' }), {
    ip: '203.0.113.7',
    protocol: 'https',
  });
});

test('without DATAGORA_TRUST_PROXY, forwarded headers are ignored', async () => {
  assert.deepEqual(await whoAmI({}), { ip: '10.0.0.2', protocol: 'http' });
  assert.deepEqual(await whoAmI({ DATAGORA_TRUST_PROXY: '192.168.0.0/16' }), {
    ip: '10.0.0.2',
    protocol: 'http',
  });
});
