// A version's summaries: its commit keeps the rows of the unfiltered facet queries of its facet
// fields, exactly as `query` gives them, and they go with the version's table.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { Field } from '../../src/core/field.ts';
import { compileRecordsQuery } from '../../src/odsql/index.ts';
import type { EngineName, StorageEngine } from '../../src/storage/engine.ts';
import { openPostgresEngine } from '../../src/storage/postgres/index.ts';
import { summaryStatements } from '../../src/storage/version-summaries.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';
import { POSTGRES_URL, testSchema } from './postgres/postgres-fixture.ts';

/** The sample fields, every one of them annotated `facet` (geometries and blobs included). */
const FIELDS: Field[] = SAMPLE_FIELDS.map((f) => ({
  ...f,
  annotations: { ...f.annotations, facet: [] },
}));

const schema = TEST_ENGINES.includes('postgres') ? testSchema() : null;

async function open(name: EngineName): Promise<{ engine: StorageEngine; close(): Promise<void> }> {
  if (name === 'postgres') {
    const engine = await openPostgresEngine({ url: POSTGRES_URL, schema: schema! });
    return { engine, close: () => engine.close() };
  }
  const temp = await openTempSqliteEngine();
  return { engine: temp.engine, close: async () => temp.cleanup() };
}

for (const name of TEST_ENGINES) {
  describe(`version summaries (${name})`, () => {
    let store: Awaited<ReturnType<typeof open>> | undefined;
    after(() => store?.close());

    async function load(datasetId: string, count: number) {
      store ??= await open(name);
      const { engine } = store;
      if (!(await engine.metadata.getDataset(datasetId))) {
        await engine.metadata.saveDataset({ id: datasetId, metas: emptyMetas(datasetId) });
      }
      const writer = await engine.beginVersion({ datasetId, fields: FIELDS, source: 'test' });
      await writer.append(sampleRows(count));
      return writer.commit();
    }

    test('the commit keeps the rows of each facet field’s unfiltered counts', async () => {
      const version = await load('summed', 40);
      const { engine } = store!;
      const statements = summaryStatements(version.table, FIELDS, name);
      // Every field but the geometries, once; `seen` (a datetime) twice, in UTC and in Paris.
      const facetable = FIELDS.filter((f) => !['location', 'area'].includes(f.name));
      assert.equal(statements.length, facetable.length + 1);
      for (const { query } of statements) {
        const kept = await engine.readSummary(version.table, query);
        // PostgreSQL gives JSON values parsed: they would not come back the same, so none is kept.
        if (name === 'postgres' && query.sql.startsWith('SELECT "extra"')) {
          assert.equal(kept, null);
        } else {
          assert.deepEqual(kept, await engine.query(query), query.sql);
        }
      }
      const city = await engine.readSummary(
        version.table,
        statements.find((s) => s.query.sql.startsWith('SELECT "city"'))?.query ??
          statements[0]!.query,
      );
      const counted = new Map((city ?? []).map((row) => [row[0], Number(row[1])]));
      assert.deepEqual(Object.fromEntries(counted), { Lyon: 20, Nantes: 20 });
    });

    test('a statement the commit did not run has no summary', async () => {
      const version = await load('unsummed', 5);
      const { engine } = store!;
      const filtered = compileRecordsQuery(
        { select: 'city as v, count(*) as n', groupBy: 'city', where: ['count > 2'] },
        { table: version.table, fields: FIELDS },
        name,
      );
      const query = { sql: filtered.sql, params: filtered.params };
      assert.equal(await engine.readSummary(version.table, query), null);
      assert.equal(await engine.readSummary('records_999999', query), null, 'no such version');
    });

    test('the summaries go with the version’s table', async () => {
      const first = await load('dropped', 3);
      const [statement] = summaryStatements(first.table, FIELDS, name);
      const { engine } = store!;
      assert.notEqual(await engine.readSummary(first.table, statement!.query), null);
      await engine.metadata.deleteDataset('dropped');
      assert.equal(await engine.readSummary(first.table, statement!.query), null);
    });
  });
}
