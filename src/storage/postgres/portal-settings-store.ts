// The PortalSettingsStore in the engine's PostgreSQL schema.

import type pg from 'pg';

import type { PortalSettingsStore, StoredAsset } from '../portal-settings-store.ts';
import { qualified } from './quote.ts';
import { inTransaction } from './transaction.ts';

export class PostgresPortalSettingsStore implements PortalSettingsStore {
  private readonly settings: string;
  private readonly assets: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.settings = qualified(schema, 'portal_settings');
    this.assets = qualified(schema, 'portal_assets');
  }

  async getSettings(): Promise<Record<string, string>> {
    const { rows } = await this.pool.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${this.settings}`,
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  async saveSettings(values: Record<string, string | null>): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) {
          await client.query(`DELETE FROM ${this.settings} WHERE key = $1`, [key]);
        } else {
          await client.query(
            `INSERT INTO ${this.settings} (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
            [key, value],
          );
        }
      }
    });
  }

  async getAsset(name: string): Promise<StoredAsset | null> {
    const { rows } = await this.pool.query<{
      name: string;
      content_type: string;
      body: Buffer;
      created_at: Date | string | number;
    }>(`SELECT * FROM ${this.assets} WHERE name = $1`, [name]);
    const row = rows[0];
    return row
      ? {
          name: row.name,
          contentType: row.content_type,
          body: row.body,
          // The engine's pools may parse timestamps to numbers; either way, an ISO string.
          createdAt: new Date(row.created_at).toISOString(),
        }
      : null;
  }

  async putAsset(name: string, contentType: string, body: Buffer): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.assets} (name, content_type, body) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type,
         body = excluded.body, created_at = now()`,
      [name, contentType, body],
    );
  }

  async deleteAsset(name: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.assets} WHERE name = $1`, [name]);
  }
}
