// A whole portal for tests: a fresh SQLite file in a temporary folder, optionally the demo
// dataset, and the Fastify app built on it (driven with inject(), no port opened).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import type { RecorderOptions } from '../../src/analytics/recorder.ts';
import { AudienceService } from '../../src/analytics/index.ts';
import { buildApp, buildServices, openStorage } from '../../src/app.ts';
import type { Config } from '../../src/config/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { loadDemoIfEmpty } from '../../src/ingest/demo.ts';
import type { PortalServices } from '../../src/http/services.ts';
import type { EngineName, StorageEngine } from '../../src/storage/engine.ts';
import { openPostgresEngine } from '../../src/storage/postgres/index.ts';
import { POSTGRES_URL, adminQuery, unreachable } from '../storage/postgres/postgres-fixture.ts';

/** The engines the API suites run on: SQLite always, PostgreSQL when a server answers. */
export const TEST_ENGINES: EngineName[] =
  unreachable === null ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestPortal {
  app: FastifyInstance;
  engine: StorageEngine;
  /** The services the app runs on (what a test changes there, the app sees at once). */
  services: PortalServices;
  config: Config;
  home: string;
  /** The PostgreSQL schema holding the portal, or null on SQLite. */
  schema: string | null;
  close(): Promise<void>;
}

export async function startTestPortal(
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    home?: string;
    engine?: EngineName;
    /** On PostgreSQL, an existing schema to serve (kept on close); else a fresh one, dropped. */
    schema?: string;
    /** The audience recorder's options (a clock, a small buffer); it runs as the config says. */
    audience?: RecorderOptions;
  } = {},
): Promise<TestPortal> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'datagora-test-'));
  // DATAGORA_TEST_LOG_LEVEL (CI sets `error`) logs what a test portal answers with a 500, so that
  // a failure seen once in CI says why; otherwise test portals log nothing.
  const logLevel = process.env['DATAGORA_TEST_LOG_LEVEL'];
  const config = loadConfig({
    DATAGORA_HOME: home,
    DATAGORA_LOG_LEVEL: logLevel ?? 'silent',
    ...options.env,
  });
  // Each PostgreSQL portal lives in a schema of its own, dropped on close.
  const schema =
    options.engine === 'postgres'
      ? (options.schema ?? `dg_portal_${Math.random().toString(36).slice(2, 10)}`)
      : null;
  const engine = schema
    ? await openPostgresEngine({ url: POSTGRES_URL, schema, queryTimeoutMs: config.queryTimeoutMs })
    : await openStorage(config);
  if (options.demo) await loadDemoIfEmpty(engine);
  const built = buildServices(engine, config);
  const services = options.audience
    ? {
        ...built,
        audience: new AudienceService(engine.audience, {
          enabled: config.statistics,
          retentionMonths: config.statisticsRetentionMonths,
          ...options.audience,
        }),
      }
    : built;
  const app = await buildApp(config, { engine, logger: logLevel !== undefined, services });
  return {
    app,
    engine,
    services,
    config,
    home,
    schema,
    async close() {
      await app.close();
      await engine.close();
      if (schema && !options.schema) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
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
