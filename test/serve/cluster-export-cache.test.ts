// Two serving processes (`DATAGORA_PROCESSES=2`, src/main.ts as `npm start` runs it) share the
// export cache's folder: a file one worker kept answers the other's requests. Every request goes
// on a new connection, which the primary hands to the workers in turn.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { PortalProcess } from '../multiprocess/portal-process.ts';
import { startPortalProcess } from '../multiprocess/portal-process.ts';

const home = mkdtempSync(join(tmpdir(), 'datagora-cluster-exports-'));
const EXPORT = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports/csv';
let portal: PortalProcess;

/** A GET on a connection of its own, so any worker may answer it. */
function freshGet(url: string): Promise<{ cache: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { connection: 'close', 'accept-encoding': 'identity' };
    const req = request(url, { agent: false, headers });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        const cache = response.headers['x-datagora-export-cache'];
        resolve({
          cache: typeof cache === 'string' ? cache : undefined,
          body: Buffer.concat(chunks),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  portal = await startPortalProcess('cluster', {
    DATAGORA_HOME: home,
    DATAGORA_PROCESSES: '2',
    DATAGORA_EXPORT_CACHE_MIN_KB: '0',
  });
});

after(async () => {
  await portal?.kill();
  rmSync(home, { recursive: true, force: true });
});

test('a file kept by one worker answers the other', async () => {
  const first = await freshGet(`${portal.url}${EXPORT}`);
  assert.equal(first.cache, 'miss');
  for (let i = 0; i < 6; i++) {
    const again = await freshGet(`${portal.url}${EXPORT}`);
    assert.equal(again.cache, 'hit');
    assert.ok(again.body.equals(first.body));
  }
  const dir = join(home, 'exports');
  assert.ok(existsSync(dir));
  assert.equal(readdirSync(dir).length, 1, readdirSync(dir).join(', '));
});
