// The ConsentStore on the SQLite file: synchronous statements on the read-write connection,
// behind the async contract both engines share.

import type Database from 'better-sqlite3';

import type { ThirdPartyService } from '../../core/third-party.ts';
import { isoNow } from '../../util/iso-now.ts';
import type { ConsentRecord, ConsentStore, PolicyVersion } from '../consent-store.ts';
import type { ConsentLogRow, PolicyRow } from '../consent-rows.ts';
import { choicesJson, toConsentRecord, toPolicyVersion } from '../consent-rows.ts';

export class SqliteConsentStore implements ConsentStore {
  constructor(private readonly db: Database.Database) {}

  async listServices(): Promise<ThirdPartyService[]> {
    const rows = this.db
      .prepare('SELECT definition FROM third_party_services ORDER BY position, id')
      .pluck()
      .all() as string[];
    return rows.map((definition) => JSON.parse(definition) as ThirdPartyService);
  }

  async saveService(service: ThirdPartyService): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO third_party_services (id, definition, position, updated_at)
         VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM third_party_services), ?)
         ON CONFLICT (id) DO UPDATE SET definition = excluded.definition,
           updated_at = excluded.updated_at`,
      )
      .run(service.id, JSON.stringify(service), isoNow());
  }

  async deleteService(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM third_party_services WHERE id = ?').run(id).changes > 0;
  }

  async policyVersion(digest: string, registry: string): Promise<PolicyVersion> {
    const find = this.db.prepare('SELECT * FROM consent_policies WHERE digest = ?');
    const insert = this.db.prepare(
      `INSERT INTO consent_policies (version, digest, registry, created_at)
       VALUES ((SELECT coalesce(max(version), 0) + 1 FROM consent_policies), ?, ?, ?)
       ON CONFLICT (digest) DO NOTHING`,
    );
    const row = this.db.transaction(() => {
      insert.run(digest, registry, isoNow());
      return find.get(digest) as PolicyRow;
    })();
    return toPolicyVersion(row);
  }

  async listPolicyVersions(): Promise<PolicyVersion[]> {
    const rows = this.db.prepare('SELECT * FROM consent_policies ORDER BY version').all();
    return (rows as PolicyRow[]).map(toPolicyVersion);
  }

  async logConsent(record: ConsentRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO consent_log (consent_id, policy_version, choices, decided_at)
         VALUES (?, ?, ?, ?)`,
      )
      .run(record.consentId, record.policyVersion, choicesJson(record), record.decidedAt);
  }

  async consentHistory(consentId: string): Promise<ConsentRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM consent_log WHERE consent_id = ? ORDER BY id')
      .all(consentId);
    return (rows as ConsentLogRow[]).map(toConsentRecord);
  }
}
