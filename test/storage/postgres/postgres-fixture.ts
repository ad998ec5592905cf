// Shared set-up of the PostgreSQL tests: the server URL, a probe that skips the tests when no
// server answers, and a fresh schema per test file, dropped at the end.

import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';

import pg from 'pg';

/** The test database; DATAGORA_TEST_POSTGRES_URL overrides it. */
export const POSTGRES_URL =
  process.env['DATAGORA_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the PostgreSQL tests are skipped, or null when a server answers. */
export const unreachable = await probe();

// CI sets DATAGORA_REQUIRE_POSTGRES so that a missing server fails the run instead of skipping.
if (unreachable !== null && process.env['DATAGORA_REQUIRE_POSTGRES'] === '1') {
  throw new Error(`${unreachable}; DATAGORA_REQUIRE_POSTGRES=1 demands it`);
}

/** Declares a test that needs the server; skipped with the reason when it is unreachable. */
export function pgTest(name: string, fn: (t: TestContext) => Promise<void>): void {
  if (unreachable !== null) test.skip(`${name} — ${unreachable}`, () => undefined);
  else test(name, fn);
}

/** Runs `sql` on the test database with a short-lived connection. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await client.query<R>(sql, params);
  } finally {
    await client.end();
  }
}

/** A new schema name for this test file, dropped (with everything in it) after its tests. */
export function testSchema(): string {
  const schema = `dg_test_${randomBytes(6).toString('hex')}`;
  after(async () => {
    if (unreachable === null) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  return schema;
}
