// Dataset queries sent to a read replica, with the primary as fallback. A replica replays the
// primary's changes with some delay: a version committed a moment ago may have no table there
// yet (SQLSTATE 42P01, undefined_table), and that query is then answered by the primary. Any
// other failure is the replica's and is reported as is.

import type pg from 'pg';

import type { QueryOptions, SqlQuery, StreamOptions } from '../engine.ts';
import type { PoolSettings } from './connection.ts';
import { createPool } from './connection.ts';
import { ReadQueries } from './read-queries.ts';

const UNDEFINED_TABLE = '42P01';

/** Whether a failure (or its cause) is a table the server does not know. */
export function isUndefinedTable(error: unknown): boolean {
  for (let at: unknown = error; at !== null && typeof at === 'object';) {
    if ((at as { code?: unknown }).code === UNDEFINED_TABLE) return true;
    at = (at as { cause?: unknown }).cause;
  }
  return false;
}

export class ReplicaReads {
  private readonly queryPool: pg.Pool;
  /** Cancels run on the replica itself: a backend's pid means nothing on another server. */
  private readonly cancelPool: pg.Pool;
  private readonly replica: ReadQueries;

  constructor(
    settings: Omit<PoolSettings, 'readOnly' | 'max'> & { max: number },
    private readonly primary: ReadQueries,
  ) {
    this.queryPool = createPool({ ...settings, readOnly: true });
    this.cancelPool = createPool({ ...settings, max: 1, statementTimeoutMs: 0, readOnly: true });
    this.replica = new ReadQueries(this.queryPool, settings.statementTimeoutMs, (pid) =>
      this.cancelPool.query('SELECT pg_cancel_backend($1)', [pid]),
    );
  }

  async query(query: SqlQuery, options?: QueryOptions): Promise<unknown[][]> {
    try {
      return await this.replica.query(query, options);
    } catch (error) {
      if (!isUndefinedTable(error)) throw error;
      return this.primary.query(query, options);
    }
  }

  /** Falls back only when the replica fails before its first batch (nothing was sent yet). */
  async *stream(query: SqlQuery, options?: StreamOptions): AsyncGenerator<unknown[][]> {
    let started = false;
    try {
      for await (const batch of this.replica.stream(query, options)) {
        started = true;
        yield batch;
      }
    } catch (error) {
      if (started || !isUndefinedTable(error)) throw error;
      yield* this.primary.stream(query, options);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.queryPool.end(), this.cancelPool.end()]);
  }
}
