// Read queries on dataset tables, from the read-only pool: rows as arrays of canonical values.
// A query runs under a server-side time limit (statement_timeout), so the server itself cancels
// a slow query and the connection goes back to the pool ready for the next one.

import type pg from 'pg';
import Cursor from 'pg-cursor';

import type { QueryOptions, SqlQuery, StreamOptions } from '../engine.ts';
import { queryError, storageError, timeoutError } from './errors.ts';
import { TYPES } from './type-parsers.ts';

const DEFAULT_BATCH_SIZE = 1000;

/** The statement_timeout each pooled connection currently has, to SET it only when it changes. */
const timeouts = new WeakMap<pg.PoolClient, number>();

export class ReadQueries {
  constructor(
    private readonly pool: pg.Pool,
    /** The statement_timeout the read pool's sessions start with. */
    private readonly defaultTimeoutMs: number,
    /** Cancels the statement a backend runs (from another connection). */
    private readonly cancelBackend: (pid: number) => Promise<unknown>,
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

  /**
   * Streams through a cursor. A cursor's portal stays open between batches, and the server's
   * statement_timeout would count the consumer's time as well; so the stream's session runs
   * without one and each batch gets its own limit, enforced by cancelling the backend.
   */
  async *stream(query: SqlQuery, options: StreamOptions = {}): AsyncGenerator<unknown[][]> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const client = await this.connect();
    let broken: Error | undefined;
    let cursor: Cursor<unknown[]> | undefined;
    try {
      await this.applyTimeout(client, 0);
      cursor = client.query(
        new Cursor<unknown[]>(query.sql, query.params, { rowMode: 'array', types: TYPES }),
      );
      for (;;) {
        const batch = await this.readBatch(client, cursor, batchSize, timeoutMs);
        if (batch.error !== undefined) {
          broken = batch.cancelled ? new Error('cancelled') : connectionFailure(batch.error);
          cursor = undefined;
          throw batch.cancelled
            ? timeoutError(timeoutMs, batch.error)
            : queryError(batch.error, timeoutMs);
        }
        if (batch.rows.length === 0) break;
        yield batch.rows;
        if (batch.rows.length < batchSize) break;
      }
    } finally {
      // Stopping early (break, return, throw in the consumer) lands here: close the portal.
      if (cursor) await cursor.close().catch((error: unknown) => (broken = toError(error)));
      client.release(broken);
    }
  }

  /** Reads one batch; past `timeoutMs`, cancels the backend (the connection is then dropped). */
  private async readBatch(
    client: pg.PoolClient,
    cursor: Cursor<unknown[]>,
    size: number,
    timeoutMs: number,
  ): Promise<{ rows: unknown[][]; error?: unknown; cancelled: boolean }> {
    let cancelled = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            cancelled = true;
            const pid = (client as unknown as { processID?: number }).processID;
            if (pid !== undefined) this.cancelBackend(pid).catch(() => undefined);
          }, timeoutMs)
        : undefined;
    try {
      const rows = await cursor.read(size);
      // A cancel sent as the batch arrived could hit the next statement: stop here instead.
      return cancelled ? { rows, error: new Error('cancelled'), cancelled } : { rows, cancelled };
    } catch (error) {
      return { rows: [], error, cancelled };
    } finally {
      clearTimeout(timer);
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
