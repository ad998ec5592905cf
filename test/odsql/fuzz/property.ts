// The fuzz property, shared by both engines and by the ODSQL and v1 `q` fuzzers: random and
// mutated queries go through (translate,) parse, analyze, compile and the real engine. Only ODSQL or REST-parameter errors may come out of
// the compiler; an accepted query must run without an engine error; no text literal may ever
// appear in the SQL (every value is a bound parameter).
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import fc from 'fast-check';

import { PortalError } from '../../../src/core/errors.ts';
import type { DialectName, RecordsQueryInput, TableSchema } from '../../../src/odsql/index.ts';
import { compileCountQuery, compileRecordsQuery } from '../../../src/odsql/index.ts';
import type { StorageEngine } from '../../../src/storage/engine.ts';
import { edit, mutate } from './mutate.ts';
import { MARKER, typedQuery } from './typed.ts';

export const FUZZ_SEED = Number(process.env['ODSQL_FUZZ_SEED'] ?? 20261129);
/** Generated inputs; each one that compiles runs its records query and, unaggregated, its count. */
export const FUZZ_RUNS = Number(process.env['ODSQL_FUZZ_RUNS'] ?? 10_000);
/** Queries that must reach the engine when FUZZ_RUNS has its default. */
export const MIN_EXECUTED = 10_000;

const ACCEPTED = new Set(['DG_ERR_ODSQL_SYNTAX', 'DG_ERR_REST_INVALID_PARAMETER']);

const inputs = fc.oneof(
  { weight: 3, arbitrary: typedQuery },
  { weight: 1, arbitrary: fc.tuple(typedQuery, edit).map(([q, e]) => mutate(q, e)) },
);

function compileOrNull<T>(compile: () => T): T | null {
  try {
    return compile();
  } catch (error) {
    assert.ok(error instanceof PortalError && ACCEPTED.has(error.code), String(error));
    return null;
  }
}

/** What to fuzz: generated inputs, how each becomes a records query (throwing is a rejection). */
export interface FuzzSource<T> {
  name: string;
  inputs: fc.Arbitrary<T>;
  toQuery: (input: T, schema: TableSchema) => RecordsQueryInput;
  runs: number;
}

const ODSQL_SOURCE: FuzzSource<RecordsQueryInput> = {
  name: 'ODSQL',
  inputs,
  toQuery: (input) => input,
  runs: FUZZ_RUNS,
};

export async function runFuzz<T = RecordsQueryInput>(
  t: TestContext,
  engine: StorageEngine,
  schema: TableSchema,
  dialect: DialectName,
  source: FuzzSource<T> = ODSQL_SOURCE as unknown as FuzzSource<T>,
): Promise<number> {
  t.diagnostic(
    `${source.name} fuzz seed ${FUZZ_SEED} (ODSQL_FUZZ_SEED replays), ${source.runs} inputs`,
  );
  let executed = 0;
  let rejected = 0;
  const run = async (sql: string, params: unknown[]) => {
    assert.ok(!sql.includes(MARKER), `a literal reached the SQL: ${sql}`);
    try {
      await engine.query({ sql, params }, { timeoutMs: 10_000 });
    } catch (error) {
      assert.fail(`${String(error)}\n${sql}\n${JSON.stringify(params)}`);
    }
    executed++;
  };
  await fc.assert(
    fc.asyncProperty(source.inputs, async (generated: T) => {
      const input = compileOrNull(() => source.toQuery(generated, schema));
      const q = input && compileOrNull(() => compileRecordsQuery(input, schema, dialect));
      if (input === null || q === null) {
        rejected++;
        return;
      }
      await run(q.sql, q.params);
      if (q.aggregated) return;
      const count = compileOrNull(() => compileCountQuery(input, schema, dialect));
      assert.ok(count !== null, 'a compiled query has a count query');
      await run(count.sql, count.params);
    }),
    { numRuns: source.runs, seed: FUZZ_SEED },
  );
  t.diagnostic(`${executed} queries executed, ${rejected} inputs rejected by the analyzer`);
  return executed;
}
