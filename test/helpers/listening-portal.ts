// A test portal listening on a free local port, for clients that need real HTTP (browsers,
// the official API client).

import type { TestPortal } from './test-portal.ts';

export async function listen(portal: TestPortal): Promise<string> {
  await portal.app.listen({ port: 0, host: '127.0.0.1' });
  const address = portal.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
