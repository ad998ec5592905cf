// The PortalSettingsStore on the SQLite file.

import type Database from 'better-sqlite3';

import { isoNow } from '../../util/iso-now.ts';
import type { PortalSettingsStore, StoredAsset } from '../portal-settings-store.ts';

export class SqlitePortalSettingsStore implements PortalSettingsStore {
  constructor(private readonly db: Database.Database) {}

  async getSettings(): Promise<Record<string, string>> {
    const rows = this.db.prepare('SELECT key, value FROM portal_settings').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  async saveSettings(values: Record<string, string | null>): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO portal_settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const remove = this.db.prepare('DELETE FROM portal_settings WHERE key = ?');
    const now = isoNow();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) remove.run(key);
        else upsert.run(key, value, now);
      }
    })();
  }

  async getAsset(name: string): Promise<StoredAsset | null> {
    const row = this.db.prepare('SELECT * FROM portal_assets WHERE name = ?').get(name) as
      { name: string; content_type: string; body: Buffer; created_at: string } | undefined;
    return row
      ? { name: row.name, contentType: row.content_type, body: row.body, createdAt: row.created_at }
      : null;
  }

  async putAsset(name: string, contentType: string, body: Buffer): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO portal_assets (name, content_type, body, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type,
           body = excluded.body, created_at = excluded.created_at`,
      )
      .run(name, contentType, body, isoNow());
  }

  async deleteAsset(name: string): Promise<void> {
    this.db.prepare('DELETE FROM portal_assets WHERE name = ?').run(name);
  }
}
