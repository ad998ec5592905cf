// The ODSQL feature suite on a real PostgreSQL table. Skipped when no server answers at
// DG_TEST_POSTGRES_URL (default: the local `test` database).
import { after, before, describe } from 'node:test';
import type { CompiledQuery } from '../../src/odsql/index.ts';
import {
  compileCountQuery,
  compileRecordLookup,
  compileRecordsQuery,
} from '../../src/odsql/index.ts';
import { odsqlFeatures } from './features.ts';
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
  before(() => undefined);
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
});
