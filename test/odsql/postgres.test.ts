// The ODSQL feature suite on a real PostgreSQL table. Skipped when no server answers at
// DG_TEST_POSTGRES_URL (default: the local `test` database).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { CompiledQuery } from '../../src/odsql/index.ts';
import {
  compileCountQuery,
  compileRecordLookup,
  compileRecordsQuery,
} from '../../src/odsql/index.ts';
import { OdsqlError } from '../../src/odsql/index.ts';
import { odsqlFeatures } from './features.ts';
import { clauses } from './soup.ts';
import { FIELDS, TABLE } from './fixture.ts';
import type { PostgresFixture } from './postgres-fixture.ts';
import { openPostgresFixture } from './postgres-fixture.ts';

const fixture: PostgresFixture | null = await openPostgresFixture();
const schema = { table: TABLE, fields: FIELDS };

async function run(q: CompiledQuery): Promise<unknown[][]> {
  const result = await (fixture as PostgresFixture).client.query({
    text: q.sql,
    values: q.params,
    rowMode: 'array',
  });
  return result.rows as unknown[][];
}

describe('ODSQL on PostgreSQL', { skip: fixture === null && 'no PostgreSQL server' }, () => {
  after(async () => fixture?.close());
  odsqlFeatures({
    rows: (input) => run(compileRecordsQuery(input, schema, 'postgres')),
    count: async (input) => {
      const q = compileCountQuery(input, schema, 'postgres');
      const [[n]] = (await run({ ...q, columns: [], aggregated: true })) as [[number]];
      return n;
    },
    lookup: (id, input) => run(compileRecordLookup(id, input, schema, 'postgres')),
    convexHull: false,
  });

  it('runs whatever compiles without an SQL error', async () => {
    await fc.assert(
      fc.asyncProperty(clauses, async (input) => {
        let q: CompiledQuery;
        try {
          q = compileRecordsQuery({ ...input, limit: 5 }, schema, 'postgres');
        } catch (error) {
          assert.ok(error instanceof OdsqlError, String(error));
          return;
        }
        try {
          await run(q);
        } catch (error) {
          assert.fail(`${String(error)}\n${q.sql}\n${JSON.stringify(q.params)}`);
        }
      }),
      { numRuns: Number(process.env['ODSQL_FUZZ_RUNS'] ?? 1000) },
    );
  });
});
