// The ODSQL feature suite on a real SQLite table with the storage layout of src/core/columns.ts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CompiledQuery, RecordsQueryInput } from '../../src/odsql/index.ts';
import {
  compileCountQuery,
  compileRecordLookup,
  compileRecordsQuery,
} from '../../src/odsql/index.ts';
import fc from 'fast-check';
import { OdsqlError } from '../../src/odsql/index.ts';
import { odsqlFeatures } from './features.ts';
import { clauses } from './soup.ts';
import { FIELDS, TABLE, openFixture } from './sqlite-fixture.ts';

const db = openFixture();
after(() => db.close());
const schema = { table: TABLE, fields: FIELDS };

/** Runs a compiled query; JSON outputs are parsed as the API layer would. */
function run(q: CompiledQuery): unknown[][] {
  const raw = db
    .prepare(q.sql)
    .raw(true)
    .all(...q.params) as unknown[][];
  const json = q.columns
    .filter((c) => c.type === 'geo_shape' || c.type === 'json_blob')
    .flatMap((c) => c.positions);
  return raw.map((row) =>
    row.map((v, i) => (json.includes(i) && typeof v === 'string' ? JSON.parse(v) : v)),
  );
}

describe('ODSQL on SQLite', () => {
  odsqlFeatures({
    rows: async (input) => run(compileRecordsQuery(input, schema, 'sqlite')),
    count: async (input) => {
      const q = compileCountQuery(input, schema, 'sqlite');
      return db
        .prepare(q.sql)
        .pluck()
        .get(...q.params) as number;
    },
    lookup: async (id, input) => run(compileRecordLookup(id, input, schema, 'sqlite')),
    convexHull: true,
  });

  it('runs whatever compiles without an SQL error', () => {
    let compiled = 0;
    fc.assert(
      fc.property(clauses, (input) => {
        let q: CompiledQuery;
        try {
          q = compileRecordsQuery({ ...input, limit: 5 }, schema, 'sqlite');
        } catch (error) {
          assert.ok(error instanceof OdsqlError, String(error));
          return;
        }
        compiled++;
        assert.doesNotThrow(() => run(q), q.sql);
      }),
      { numRuns: Number(process.env['ODSQL_FUZZ_RUNS'] ?? 2000) },
    );
    assert.ok(compiled > 50, `only ${compiled} queries compiled`);
  });

  it('formats JSON text, with a fallback', () => {
    const input: RecordsQueryInput = {
      select: "json_format(name), json_format(name, 'bad'), json_format(name, null)",
      limit: 1,
    };
    assert.deepEqual(run(compileRecordsQuery(input, schema, 'sqlite')), [
      ['Star Trek', 'bad', null],
    ]);
  });
});
