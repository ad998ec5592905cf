// The ODSQL fuzz on both engines, over the conformance dataset loaded by the real storage
// engine (fuzz/property.ts). CI runs at least 10,000 queries per engine; set ODSQL_FUZZ_SEED
// to replay a failure, ODSQL_FUZZ_RUNS to change the volume.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import { CONFORMANCE_ID } from './conformance/dataset.ts';
import { startConformancePortal } from './conformance/portal.ts';
import { FUZZ_RUNS, MIN_EXECUTED, runFuzz } from './fuzz/property.ts';

for (const engine of TEST_ENGINES)
  describe(`ODSQL fuzz (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    test('random and mutated queries compile to SQL the engine runs', async (t) => {
      const dataset = await portal.engine.metadata.getDataset(CONFORMANCE_ID);
      const version = dataset?.current;
      assert.ok(version);
      const schema = { table: version.table, fields: version.fields };
      const executed = await runFuzz(t, portal.engine, schema, engine);
      if (!process.env['ODSQL_FUZZ_RUNS'])
        assert.ok(executed >= MIN_EXECUTED, `${executed} < ${MIN_EXECUTED} (${FUZZ_RUNS} inputs)`);
    });
  });
