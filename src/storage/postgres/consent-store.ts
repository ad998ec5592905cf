// The ConsentStore in the engine's PostgreSQL schema.

import type pg from 'pg';

import type { ThirdPartyService } from '../../core/third-party.ts';
import type { ConsentRecord, ConsentStore, PolicyVersion } from '../consent-store.ts';
import type { ConsentLogRow, PolicyRow } from '../consent-rows.ts';
import { choicesJson, toConsentRecord, toPolicyVersion } from '../consent-rows.ts';
import { qualified } from './quote.ts';
import { inTransaction } from './transaction.ts';

export class PostgresConsentStore implements ConsentStore {
  private readonly t: (name: string) => string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.t = (name) => qualified(schema, name);
  }

  async listServices(): Promise<ThirdPartyService[]> {
    const { rows } = await this.pool.query<{ definition: ThirdPartyService }>(
      `SELECT definition FROM ${this.t('third_party_services')} ORDER BY position, id`,
    );
    return rows.map((row) => row.definition);
  }

  async saveService(service: ThirdPartyService): Promise<void> {
    const table = this.t('third_party_services');
    await this.pool.query(
      `INSERT INTO ${table} (id, definition, position)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM ${table}))
       ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = now()`,
      [service.id, JSON.stringify(service)],
    );
  }

  async deleteService(id: string): Promise<boolean> {
    const result = await this.pool.query(
      `DELETE FROM ${this.t('third_party_services')} WHERE id = $1`,
      [id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async policyVersion(digest: string, registry: string): Promise<PolicyVersion> {
    const table = this.t('consent_policies');
    const row = await inTransaction(this.pool, async (client) => {
      // Two processes meeting a new registry at once must agree on one number.
      await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
      await client.query(
        `INSERT INTO ${table} (version, digest, registry)
         VALUES ((SELECT coalesce(max(version), 0) + 1 FROM ${table}), $1, $2)
         ON CONFLICT (digest) DO NOTHING`,
        [digest, registry],
      );
      const found = await client.query<PolicyRow>(`SELECT * FROM ${table} WHERE digest = $1`, [
        digest,
      ]);
      return found.rows[0]!;
    });
    return toPolicyVersion(row);
  }

  async listPolicyVersions(): Promise<PolicyVersion[]> {
    const { rows } = await this.pool.query<PolicyRow>(
      `SELECT * FROM ${this.t('consent_policies')} ORDER BY version`,
    );
    return rows.map(toPolicyVersion);
  }

  async logConsent(record: ConsentRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t('consent_log')} (consent_id, policy_version, choices, decided_at)
       VALUES ($1, $2, $3, $4)`,
      [record.consentId, record.policyVersion, choicesJson(record), record.decidedAt],
    );
  }

  async consentHistory(consentId: string): Promise<ConsentRecord[]> {
    const { rows } = await this.pool.query<ConsentLogRow>(
      `SELECT * FROM ${this.t('consent_log')} WHERE consent_id = $1 ORDER BY id`,
      [consentId],
    );
    return rows.map(toConsentRecord);
  }
}
