// Read queries on dataset tables, from the read-only pool: rows as arrays of canonical values,
// each statement under a server-side time limit (statement_timeout), so the server itself cancels
// a slow query and the connection goes back to the pool ready for the next one.

import type pg from 'pg';
import Cursor from 'pg-cursor';

import type { QueryOptions, SqlQuery, StreamOptions } from '../engine.ts';
import { queryError, storageError } from './errors.ts';
import { TYPES } from './type-parsers.ts';

const DEFAULT_BATCH_SIZE = 1000;

/** The statement_timeout each pooled connection currently has, to SET it only when it changes. */
const timeouts = new WeakMap<pg.PoolClient, number>();

export class ReadQueries {
  constructor(
    private readonly pool: pg.Pool,
    /** The statement_timeout the read pool's sessions start with. */
    private readonly defaultTimeoutMs: number,
  ) {}

  async query(query: SqlQuery, options: QueryOptions = {}): Promise<unknown[][]> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await this.applyTimeout(client, timeoutMs);
      const result = await client.query<unknown[]>({
        text: query.sql,
        values: query.params,
        rowMode: 'array',
        queryMode: 'extended',
      } as pg.QueryArrayConfig);
      return result.rows;
    } catch (error) {
      broken = connectionFailure(error);
      throw queryError(error, timeoutMs);
    } finally {
      client.release(broken);
    }
  }

  async *stream(query: SqlQuery, options: StreamOptions = {}): AsyncGenerator<unknown[][]> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const client = await this.connect();
    let broken: Error | undefined;
    let cursor: Cursor<unknown[]> | undefined;
    try {
      await this.applyTimeout(client, timeoutMs);
      cursor = client.query(
        new Cursor<unknown[]>(query.sql, query.params, { rowMode: 'array', types: TYPES }),
      );
      for (;;) {
        let rows: unknown[][];
        try {
          rows = await cursor.read(batchSize);
        } catch (error) {
          broken = connectionFailure(error);
          cursor = undefined;
          throw queryError(error, timeoutMs);
        }
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < batchSize) break;
      }
    } finally {
      // Stopping early (break, return, throw in the consumer) lands here: close the portal.
      if (cursor) await cursor.close().catch((error: unknown) => (broken = toError(error)));
      client.release(broken);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw storageError(error);
    }
  }

  private async applyTimeout(client: pg.PoolClient, timeoutMs: number): Promise<void> {
    const wanted = Math.max(0, Math.round(timeoutMs));
    if ((timeouts.get(client) ?? this.defaultTimeoutMs) === wanted) return;
    await client.query(`SET statement_timeout = ${wanted}`);
    timeouts.set(client, wanted);
  }
}

/** Errors the server reported leave the connection usable; any other kind may not. */
function connectionFailure(error: unknown): Error | undefined {
  const severity = (error as { severity?: unknown } | null)?.severity;
  return typeof severity === 'string' ? undefined : toError(error);
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
