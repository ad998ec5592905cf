// The AudienceStore in the engine's PostgreSQL schema. Hours are timestamptz, days dates; both
// travel as ISO text.

import type pg from 'pg';

import type {
  AudienceCount,
  AudienceDaily,
  AudienceStore,
  AudienceTotal,
  HourRange,
  VisitorCount,
} from '../audience-store.ts';
import { qualified } from './quote.ts';
import { inTransaction } from './transaction.ts';

export class PostgresAudienceStore implements AudienceStore {
  private readonly t: (name: string) => string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.t = (name) => qualified(schema, name);
  }

  async addCounts(counts: AudienceCount[]): Promise<void> {
    if (counts.length === 0) return;
    const table = this.t('audience_counts');
    // One statement for the batch: arrays unnested into rows, each added to its counter.
    await this.pool.query(
      `INSERT INTO ${table} AS c (hour, metric, dataset, kind, detail, count)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[],
         $6::bigint[])
       ON CONFLICT (hour, metric, dataset, kind, detail)
       DO UPDATE SET count = c.count + excluded.count`,
      [
        counts.map((c) => c.hour),
        counts.map((c) => c.metric),
        counts.map((c) => c.dataset),
        counts.map((c) => c.kind),
        counts.map((c) => c.detail),
        counts.map((c) => c.count),
      ],
    );
  }

  async saveVisitors(counts: VisitorCount[]): Promise<void> {
    if (counts.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.t('audience_visitors')} AS v (day, visitors)
       SELECT * FROM unnest($1::date[], $2::bigint[])
       ON CONFLICT (day) DO UPDATE SET visitors = greatest(v.visitors, excluded.visitors)`,
      [counts.map((c) => c.day), counts.map((c) => c.visitors)],
    );
  }

  async totals(range: HourRange, dataset?: string): Promise<AudienceTotal[]> {
    const { rows } = await this.pool.query<AudienceTotal>(
      `SELECT metric, dataset, kind, detail, sum(count)::float8 AS count
       FROM ${this.t('audience_counts')}
       WHERE hour >= $1 AND hour < $2 AND ($3::text IS NULL OR dataset = $3)
       GROUP BY metric, dataset, kind, detail`,
      [range.from, range.to, dataset ?? null],
    );
    return rows;
  }

  async daily(range: HourRange, dataset?: string): Promise<AudienceDaily[]> {
    const { rows } = await this.pool.query<AudienceDaily>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, metric,
         sum(count)::float8 AS count
       FROM ${this.t('audience_counts')}
       WHERE hour >= $1 AND hour < $2 AND ($3::text IS NULL OR dataset = $3)
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to, dataset ?? null],
    );
    return rows;
  }

  async visitors(range: HourRange): Promise<VisitorCount[]> {
    const { rows } = await this.pool.query<VisitorCount>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, visitors::float8 AS visitors
       FROM ${this.t('audience_visitors')} WHERE day >= $1::date AND day < $2::date ORDER BY day`,
      [range.from.slice(0, 10), range.to.slice(0, 10)],
    );
    return rows;
  }

  async purgeBefore(hour: string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const counts = await client.query(
        `DELETE FROM ${this.t('audience_counts')} WHERE hour < $1`,
        [hour],
      );
      const days = await client.query(
        `DELETE FROM ${this.t('audience_visitors')} WHERE day < $1::date`,
        [hour.slice(0, 10)],
      );
      return (counts.rowCount ?? 0) + (days.rowCount ?? 0);
    });
  }
}
