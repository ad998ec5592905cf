// The QuotaStore in the engine's PostgreSQL schema: one row per caller and day, incremented by
// one statement, so that calls counted by several processes at once all add up.

import type pg from 'pg';

import type { QuotaStore } from '../quota-store.ts';
import { qualified } from './quote.ts';

export class PostgresQuotaStore implements QuotaStore {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = qualified(schema, 'api_quota_counts');
  }

  async take(day: string, caller: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `INSERT INTO ${this.table} AS q (day, caller, count) VALUES ($1, $2, 1)
       ON CONFLICT (day, caller) DO UPDATE SET count = q.count + 1
       RETURNING count`,
      [day, caller],
    );
    return Number(rows[0]!.count);
  }

  async purgeBefore(day: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE day < $1`, [day]);
  }
}
