// A whole portal for tests: a fresh SQLite file in a temporary folder, optionally the demo
// dataset, and the Fastify app built on it (driven with inject(), no port opened).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { buildApp, openStorage } from '../../src/app.ts';
import type { Config } from '../../src/config/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { loadDemoIfEmpty } from '../../src/ingest/demo.ts';
import type { StorageEngine } from '../../src/storage/engine.ts';

export interface TestPortal {
  app: FastifyInstance;
  engine: StorageEngine;
  config: Config;
  home: string;
  close(): Promise<void>;
}

export async function startTestPortal(
  options: { demo?: boolean; env?: Record<string, string>; home?: string } = {},
): Promise<TestPortal> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'datagora-test-'));
  const config = loadConfig({ DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'silent', ...options.env });
  const engine = await openStorage(config);
  if (options.demo) await loadDemoIfEmpty(engine);
  const app = await buildApp(config, { engine, logger: false });
  return {
    app,
    engine,
    config,
    home,
    async close() {
      await app.close();
      await engine.close();
      if (!options.home) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** GETs a URL through the app and parses the JSON answer. */
export async function getJson(
  portal: TestPortal,
  url: string,
): Promise<{
  status: number;
  body: Record<string, unknown> & { results?: Record<string, unknown>[] };
}> {
  const response = await portal.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}
