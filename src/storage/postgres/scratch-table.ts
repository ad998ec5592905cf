// A scratch table as a temporary table, inside one read-write transaction on a pooled session
// that is rolled back afterwards: same layout and full-text column as a dataset version's table,
// filled by COPY with the same row encoder, so compiled ODSQL runs on it unchanged.

import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { SqlQuery, ScratchTable } from '../engine.ts';
import { queryError, storageError } from './errors.ts';
import { quoteIdent } from './quote.ts';
import { copyColumnList, createTempTableSql } from './record-table.ts';
import { createRowEncoder } from './row-encoder.ts';

export async function queryScratchTable(
  pool: pg.Pool,
  schema: string,
  table: ScratchTable,
  queries: SqlQuery[],
  timeoutMs: number,
): Promise<unknown[][][]> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storageError(error);
  }
  let broken: Error | undefined;
  try {
    // The read pool's sessions default to read-only; a temporary table needs a writable one.
    await client.query('BEGIN READ WRITE');
    await client.query(`SET LOCAL statement_timeout = ${Math.max(0, Math.round(timeoutMs))}`);
    await client.query(createTempTableSql(schema, table.name, table.fields));
    const text = createRowEncoder(table.fields).encode(table.rows);
    const copy = client.query(
      copyFrom(
        `COPY ${quoteIdent(table.name)} (${copyColumnList(table.fields)}) FROM STDIN WITH (FORMAT text)`,
      ),
    );
    await pipeline(Readable.from([text]), copy);
    const results: unknown[][][] = [];
    for (const query of queries) {
      const result = await client.query<unknown[]>({
        text: query.sql,
        values: query.params,
        rowMode: 'array',
      } as pg.QueryArrayConfig);
      results.push(result.rows);
    }
    return results;
  } catch (error) {
    const severity = (error as { severity?: unknown } | null)?.severity;
    if (typeof severity !== 'string') broken = error instanceof Error ? error : new Error('failed');
    throw queryError(error, timeoutMs);
  } finally {
    await client.query('ROLLBACK').catch((error: unknown) => {
      broken = error instanceof Error ? error : new Error(String(error));
    });
    client.release(broken);
  }
}
