// The QuotaStore on the SQLite file: one row per caller and day, incremented in place.

import type Database from 'better-sqlite3';

import type { QuotaStore } from '../quota-store.ts';

export class SqliteQuotaStore implements QuotaStore {
  private readonly increment: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.increment = db.prepare(
      `INSERT INTO api_quota_counts (day, caller, count) VALUES (?, ?, 1)
       ON CONFLICT (day, caller) DO UPDATE SET count = count + 1
       RETURNING count`,
    );
  }

  async take(day: string, caller: string): Promise<number> {
    return (this.increment.get(day, caller) as { count: number }).count;
  }

  async purgeBefore(day: string): Promise<void> {
    this.db.prepare('DELETE FROM api_quota_counts WHERE day < ?').run(day);
  }
}
