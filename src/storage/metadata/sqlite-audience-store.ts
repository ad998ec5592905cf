// The AudienceStore on the SQLite file: synchronous statements on the read-write connection,
// one transaction per batch.

import type Database from 'better-sqlite3';

import type {
  AudienceCount,
  AudienceDaily,
  AudienceStore,
  AudienceTotal,
  HourRange,
  VisitorCount,
} from '../audience-store.ts';

export class SqliteAudienceStore implements AudienceStore {
  constructor(private readonly db: Database.Database) {}

  async addCounts(counts: AudienceCount[]): Promise<void> {
    if (counts.length === 0) return;
    const upsert = this.db.prepare(
      `INSERT INTO audience_counts (hour, metric, dataset, kind, detail, count)
       VALUES (@hour, @metric, @dataset, @kind, @detail, @count)
       ON CONFLICT (hour, metric, dataset, kind, detail)
       DO UPDATE SET count = count + excluded.count`,
    );
    this.db.transaction(() => {
      for (const count of counts) upsert.run(count);
    })();
  }

  async saveVisitors(counts: VisitorCount[]): Promise<void> {
    if (counts.length === 0) return;
    const upsert = this.db.prepare(
      `INSERT INTO audience_visitors (day, visitors) VALUES (@day, @visitors)
       ON CONFLICT (day) DO UPDATE SET visitors = max(visitors, excluded.visitors)`,
    );
    this.db.transaction(() => {
      for (const count of counts) upsert.run(count);
    })();
  }

  async totals(range: HourRange, dataset?: string): Promise<AudienceTotal[]> {
    return this.db
      .prepare(
        `SELECT metric, dataset, kind, detail, sum(count) AS count FROM audience_counts
         WHERE hour >= ? AND hour < ? AND (? IS NULL OR dataset = ?)
         GROUP BY metric, dataset, kind, detail`,
      )
      .all(range.from, range.to, dataset ?? null, dataset ?? null) as AudienceTotal[];
  }

  async daily(range: HourRange, dataset?: string): Promise<AudienceDaily[]> {
    return this.db
      .prepare(
        `SELECT substr(hour, 1, 10) AS day, metric, sum(count) AS count FROM audience_counts
         WHERE hour >= ? AND hour < ? AND (? IS NULL OR dataset = ?)
         GROUP BY day, metric ORDER BY day, metric`,
      )
      .all(range.from, range.to, dataset ?? null, dataset ?? null) as AudienceDaily[];
  }

  async visitors(range: HourRange): Promise<VisitorCount[]> {
    return this.db
      .prepare(
        `SELECT day, visitors FROM audience_visitors WHERE day >= ? AND day < ? ORDER BY day`,
      )
      .all(range.from.slice(0, 10), range.to.slice(0, 10)) as VisitorCount[];
  }

  async purgeBefore(hour: string): Promise<number> {
    return this.db.transaction(() => {
      const counts = this.db.prepare('DELETE FROM audience_counts WHERE hour < ?').run(hour);
      const days = this.db
        .prepare('DELETE FROM audience_visitors WHERE day < ?')
        .run(hour.slice(0, 10));
      return counts.changes + days.changes;
    })();
  }
}
