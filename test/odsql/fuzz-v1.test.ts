// The API v1 `q` fuzz on both engines: random and mutated q strings go through translate,
// analyze, compile and the real storage engine (fuzz/property.ts, fuzz/v1-query.ts). Only
// ODSQL or REST-parameter errors may come out, accepted queries run, no literal reaches the SQL.
// Set ODSQL_FUZZ_SEED to replay a failure, V1_FUZZ_RUNS to change the volume.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import { CONFORMANCE_ID } from './conformance/dataset.ts';
import { startConformancePortal } from './conformance/portal.ts';
import { runFuzz } from './fuzz/property.ts';
import { v1Inputs, v1Query } from './fuzz/v1-query.ts';

const RUNS = Number(process.env['V1_FUZZ_RUNS'] ?? 2_000);

for (const engine of TEST_ENGINES)
  describe(`API v1 q fuzz (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    test('random and mutated q queries translate to SQL the engine runs', async (t) => {
      const dataset = await portal.engine.metadata.getDataset(CONFORMANCE_ID);
      const version = dataset?.current;
      assert.ok(version);
      const schema = { table: version.table, fields: version.fields };
      const source = { name: 'API v1 q', inputs: v1Inputs, toQuery: v1Query, runs: RUNS };
      const executed = await runFuzz(t, portal.engine, schema, engine, source);
      // Most generated queries are valid: the fuzz must mostly reach the engine.
      if (!process.env['V1_FUZZ_RUNS']) assert.ok(executed >= RUNS / 3, `${executed} executed`);
    });
  });
