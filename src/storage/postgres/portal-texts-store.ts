// The PortalTextsStore in the engine's PostgreSQL schema.

import type pg from 'pg';

import type { PortalTextsStore, StoredPortalText } from '../portal-texts-store.ts';
import { qualified } from './quote.ts';

export class PostgresPortalTextsStore implements PortalTextsStore {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = qualified(schema, 'portal_texts');
  }

  async getTexts(key: string): Promise<StoredPortalText[]> {
    const { rows } = await this.pool.query<{
      key: string;
      lang: string;
      body: string;
      updated_at: Date | string | number;
    }>(`SELECT * FROM ${this.table} WHERE key = $1 ORDER BY lang`, [key]);
    return rows.map((row) => ({
      key: row.key,
      lang: row.lang,
      body: row.body,
      // The engine's pools may parse timestamps to numbers; either way, an ISO string comes out.
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }

  async setText(key: string, lang: string, body: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (key, lang, body) VALUES ($1, $2, $3)
       ON CONFLICT (key, lang) DO UPDATE SET body = excluded.body, updated_at = now()`,
      [key, lang, body],
    );
  }

  async clearText(key: string, lang: string): Promise<boolean> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE key = $1 AND lang = $2`, [
      key,
      lang,
    ]);
    return (result.rowCount ?? 0) > 0;
  }
}
