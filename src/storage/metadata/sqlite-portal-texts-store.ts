// The PortalTextsStore on the SQLite file.

import type Database from 'better-sqlite3';

import { isoNow } from '../../util/iso-now.ts';
import type { PortalTextsStore, StoredPortalText } from '../portal-texts-store.ts';

interface TextRow {
  key: string;
  lang: string;
  body: string;
  updated_at: string;
}

export class SqlitePortalTextsStore implements PortalTextsStore {
  constructor(private readonly db: Database.Database) {}

  async getTexts(key: string): Promise<StoredPortalText[]> {
    const rows = this.db
      .prepare('SELECT * FROM portal_texts WHERE key = ? ORDER BY lang')
      .all(key) as TextRow[];
    return rows.map((row) => ({
      key: row.key,
      lang: row.lang,
      body: row.body,
      updatedAt: row.updated_at,
    }));
  }

  async setText(key: string, lang: string, body: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO portal_texts (key, lang, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key, lang) DO UPDATE SET body = excluded.body,
           updated_at = excluded.updated_at`,
      )
      .run(key, lang, body, isoNow());
  }

  async clearText(key: string, lang: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM portal_texts WHERE key = ? AND lang = ?').run(key, lang)
        .changes > 0
    );
  }
}
