import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';

import { PROJECT_ROOT } from '../helpers/run-cli.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForHttp(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

test('npm start serves the demo over HTTP, then stops cleanly on SIGTERM', async () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const query = new URLSearchParams({
      where: 'code_postal="75009"',
      order_by: 'date_inspection desc',
      limit: '5',
    });
    const response = await waitForHttp(
      `http://127.0.0.1:${port}/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?${query}`,
      Date.now() + 60_000,
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as {
      total_count: number;
      results: { code_postal: string }[];
    };
    assert.ok(body.total_count > 5);
    assert.equal(body.results.length, 5);
    assert.ok(body.results.every((r) => r.code_postal === '75009'));
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});
