// The dataset lifecycle on PostgreSQL (the cases are shared with SQLite).

import { after, before } from 'node:test';

import type { StorageEngine } from '../../../src/storage/engine.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { defineLifecycleCases } from '../dataset-lifecycle-cases.ts';
import { POSTGRES_URL, adminQuery, pgTest, testSchema, unreachable } from './postgres-fixture.ts';

const schema = testSchema();
let engine: StorageEngine;

before(async () => {
  if (unreachable === null) engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
});
after(async () => {
  await engine?.close();
});

defineLifecycleCases({
  test: pgTest,
  engine: () => engine,
  async tableExists(table) {
    const found = await adminQuery(
      'SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
      [schema, table],
    );
    return (found.rowCount ?? 0) > 0;
  },
});
