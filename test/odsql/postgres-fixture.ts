// A PostgreSQL table laid out like a dataset version (text[] lists, timestamptz, an `_fts`
// tsvector built with postgresFtsDocument()), in a schema of its own that close() drops.

import pg from 'pg';
import { columnsOf } from '../../src/core/columns.ts';
import type { ColumnKind } from '../../src/core/columns.ts';
import { isMultivalued } from '../../src/core/field.ts';
import { postgresFtsDocument } from '../../src/odsql/index.ts';
import { FIELDS, ROWS, TABLE } from './fixture.ts';

export const POSTGRES_URL =
  process.env['DG_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const TYPES: Record<ColumnKind, string> = {
  text: 'text',
  text_list: 'text[]',
  integer: 'bigint',
  real: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  json: 'jsonb',
};

export interface PostgresFixture {
  client: pg.Client;
  close(): Promise<void>;
}

/** Connects and loads the fixture, or returns null when no server answers. */
export async function openPostgresFixture(): Promise<PostgresFixture | null> {
  const client = new pg.Client({
    connectionString: POSTGRES_URL,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === 20 || oid === 1700) return (v: string) => Number(v); // bigint, numeric
        if (oid === 1082) return (v: string) => v; // date stays YYYY-MM-DD
        if (oid === 1184) return (v: string) => Date.parse(v); // timestamptz → epoch ms
        return pg.types.getTypeParser(oid, format);
      },
    },
  });
  try {
    await client.connect();
  } catch {
    return null;
  }
  const schema = `odsql_test_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  const columns = FIELDS.flatMap(columnsOf);
  const defs = columns.map((c) => `"${c.name}" ${TYPES[c.kind]}`);
  await client.query(
    `CREATE TABLE "${TABLE}" ("_rowid" bigint PRIMARY KEY, "_id" text, ${defs.join(', ')}, "_fts" tsvector)`,
  );
  const placeholders = columns.map((_, i) => `$${i + 3}`).join(', ');
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  for (const [i, r] of ROWS.entries()) {
    await client.query(
      `INSERT INTO "${TABLE}" ("_rowid", "_id", ${names}) VALUES ($1, $2, ${placeholders})`,
      [
        i + 1,
        `id${i + 1}`,
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        r[8]?.[0] ?? null,
        r[8]?.[1] ?? null,
      ],
    );
  }
  const texts = FIELDS.filter((f) => f.type === 'text').map((f) => ({
    name: f.name,
    multivalued: isMultivalued(f),
  }));
  await client.query(`UPDATE "${TABLE}" SET "_fts" = ${postgresFtsDocument(texts)}`);
  return {
    client,
    close: async () => {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}
