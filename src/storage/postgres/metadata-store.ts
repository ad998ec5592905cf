// Portal metadata (datasets and their versions) in the engine's schema.

import { randomInt } from 'node:crypto';

import type pg from 'pg';

import type { DatasetAccess } from '../../core/account.ts';
import type {
  ActivityEntry,
  ActivityInput,
  ActivityPage,
  ActivityQuery,
} from '../../core/activity.ts';
import type { Attachment, AttachmentInput } from '../../core/attachment.ts';
import type { Dataset, DatasetVersion } from '../../core/dataset.ts';
import { isValidDatasetId } from '../../core/dataset.ts';
import { PortalError } from '../../core/errors.ts';
import type { DatasetInput, MetadataStore, Rollback } from '../engine.ts';
import { PostgresActivityLog } from './activity-log.ts';
import { PostgresDatasetLifecycle } from './dataset-lifecycle.ts';
import type { AttachmentRow, DatasetRow, VersionRow } from './metadata-rows.ts';
import {
  ATTACHMENT_COLUMNS,
  DATASET_COLUMNS,
  VERSION_COLUMNS,
  toAttachment,
  toDataset,
  toVersion,
} from './metadata-rows.ts';
import { qualified } from './quote.ts';

const UID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new `da_…` uid: 10 random lowercase letters and digits. */
export function newDatasetUid(): string {
  let uid = 'da_';
  for (let i = 0; i < 10; i++) uid += UID_ALPHABET[randomInt(UID_ALPHABET.length)];
  return uid;
}

const UNIQUE_VIOLATION = '23505';

export class PostgresMetadataStore implements MetadataStore {
  private readonly datasets: string;
  private readonly versions: string;
  private readonly attachments: string;
  private readonly grants: string;
  private readonly lifecycle: PostgresDatasetLifecycle;
  private readonly activity: PostgresActivityLog;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.lifecycle = new PostgresDatasetLifecycle(pool, schema);
    this.activity = new PostgresActivityLog(pool, schema);
    this.datasets = qualified(schema, 'datasets');
    this.versions = qualified(schema, 'dataset_versions');
    this.attachments = qualified(schema, 'attachments');
    this.grants = qualified(schema, 'dataset_grants');
  }

  /** Attachments by dataset id, oldest first; of one dataset, or of all. */
  private async attachmentsOf(datasetId?: string): Promise<Map<string, Attachment[]>> {
    const result = await this.pool.query<AttachmentRow>(
      `SELECT ${ATTACHMENT_COLUMNS} FROM ${this.attachments}
       ${datasetId === undefined ? '' : 'WHERE dataset_id = $1'} ORDER BY created_at, id`,
      datasetId === undefined ? [] : [datasetId],
    );
    const byDataset = new Map<string, Attachment[]>();
    for (const row of result.rows) {
      const list = byDataset.get(row.dataset_id) ?? [];
      list.push(toAttachment(row));
      byDataset.set(row.dataset_id, list);
    }
    return byDataset;
  }

  /** Who was granted access, by dataset id; of one dataset, or of all. */
  private async grantsOf(datasetId?: string): Promise<Map<string, DatasetAccess>> {
    const result = await this.pool.query<{ dataset_id: string; kind: string; id: string }>(
      `SELECT dataset_id, grantee_kind AS kind, grantee_id AS id FROM ${this.grants}
       ${datasetId === undefined ? '' : 'WHERE dataset_id = $1'}
       ORDER BY dataset_id, grantee_kind, grantee_id`,
      datasetId === undefined ? [] : [datasetId],
    );
    const byDataset = new Map<string, DatasetAccess>();
    for (const row of result.rows) {
      const access = byDataset.get(row.dataset_id) ?? { userIds: [], groupIds: [] };
      (row.kind === 'user' ? access.userIds : access.groupIds).push(row.id);
      byDataset.set(row.dataset_id, access);
    }
    return byDataset;
  }

  async listDatasets(): Promise<Dataset[]> {
    const datasets = await this.pool.query<DatasetRow>(
      `SELECT ${DATASET_COLUMNS} FROM ${this.datasets} ORDER BY id`,
    );
    const current = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM ${this.versions}
       WHERE id IN (SELECT current_version_id FROM ${this.datasets})`,
    );
    const byId = new Map(current.rows.map((row) => [row.id, toVersion(row)]));
    const attachments = await this.attachmentsOf();
    const grants = await this.grantsOf();
    return datasets.rows.map((row) =>
      toDataset(
        row,
        row.current_version_id === null ? null : (byId.get(row.current_version_id) ?? null),
        attachments.get(row.id) ?? [],
        grants.get(row.id),
      ),
    );
  }

  async getDataset(id: string): Promise<Dataset | null> {
    const result = await this.pool.query<DatasetRow>(
      `SELECT ${DATASET_COLUMNS} FROM ${this.datasets} WHERE id = $1`,
      [id],
    );
    const row = result.rows[0];
    if (!row) return null;
    const attachments = await this.attachmentsOf(id);
    const grants = await this.grantsOf(id);
    return toDataset(
      row,
      await this.version(row.current_version_id),
      attachments.get(id) ?? [],
      grants.get(id),
    );
  }

  async saveDataset(input: DatasetInput): Promise<Dataset> {
    if (!isValidDatasetId(input.id)) {
      throw new PortalError('DG_ERR_INVALID_DATASET_ID', { dataset_id: input.id });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.pool.query<DatasetRow>(
          `INSERT INTO ${this.datasets} AS d (id, uid, metas, visibility, published, owner_id)
           VALUES ($1, $2, $3, coalesce($4, 'domain'), coalesce($5, true), $7)
           ON CONFLICT (id) DO UPDATE SET
             metas = excluded.metas,
             visibility = coalesce($4, d.visibility),
             published = coalesce($5, d.published),
             owner_id = CASE WHEN $6 THEN $7 ELSE d.owner_id END,
             modified_at = now(),
             metadata_processed_at = now()
           RETURNING ${DATASET_COLUMNS}`,
          [
            input.id,
            newDatasetUid(),
            JSON.stringify(input.metas),
            input.visibility ?? null,
            input.published ?? null,
            input.ownerId !== undefined,
            input.ownerId ?? null,
          ],
        );
        const row = result.rows[0]!;
        const attachments = await this.attachmentsOf(row.id);
        const grants = await this.grantsOf(row.id);
        return toDataset(
          row,
          await this.version(row.current_version_id),
          attachments.get(row.id) ?? [],
          grants.get(row.id),
        );
      } catch (error) {
        // A uid drawn twice (about one chance in 10^15): draw another.
        const code = (error as { code?: string; constraint?: string }).code;
        if (code === UNIQUE_VIOLATION && attempt < 3) continue;
        throw error;
      }
    }
  }

  async listVersions(datasetId: string): Promise<DatasetVersion[]> {
    const result = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM ${this.versions} WHERE dataset_id = $1 ORDER BY id DESC`,
      [datasetId],
    );
    return result.rows.map(toVersion);
  }

  async saveAttachment(input: AttachmentInput): Promise<Attachment> {
    const exists = await this.pool.query(`SELECT 1 FROM ${this.datasets} WHERE id = $1`, [
      input.datasetId,
    ]);
    if (exists.rowCount === 0) {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: input.datasetId });
    }
    // One statement: the row, and the dataset's dates (the validators of its answers change).
    const result = await this.pool.query<AttachmentRow>(
      `WITH saved AS (
         INSERT INTO ${this.attachments} (dataset_id, id, title, mimetype, path)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dataset_id, id) DO UPDATE SET
           title = excluded.title, mimetype = excluded.mimetype, path = excluded.path
         RETURNING ${ATTACHMENT_COLUMNS}
       ), touched AS (
         UPDATE ${this.datasets} SET modified_at = now(), metadata_processed_at = now()
         WHERE id = $1
       )
       SELECT * FROM saved`,
      [input.datasetId, input.id, input.title, input.mimetype, input.fileName],
    );
    return toAttachment(result.rows[0]!);
  }

  async deleteAttachment(datasetId: string, id: string): Promise<boolean> {
    const result = await this.pool.query(
      `WITH gone AS (
         DELETE FROM ${this.attachments} WHERE dataset_id = $1 AND id = $2 RETURNING id
       ), touched AS (
         UPDATE ${this.datasets} SET modified_at = now(), metadata_processed_at = now()
         WHERE id = $1 AND EXISTS (SELECT 1 FROM gone)
       )
       SELECT id FROM gone`,
      [datasetId, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async latestVersions(): Promise<Map<string, DatasetVersion>> {
    const result = await this.pool.query<VersionRow>(
      `SELECT DISTINCT ON (dataset_id) ${VERSION_COLUMNS} FROM ${this.versions}
       ORDER BY dataset_id, id DESC`,
    );
    return new Map(result.rows.map((row) => [row.dataset_id, toVersion(row)]));
  }

  async setPublished(id: string, published: boolean): Promise<Dataset> {
    await this.lifecycle.setPublished(id, published);
    return (await this.getDataset(id))!;
  }

  async deleteDataset(id: string): Promise<Dataset> {
    const dataset = await this.getDataset(id);
    if (!dataset) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
    await this.lifecycle.delete(id);
    return dataset;
  }

  async rollbackDataset(id: string): Promise<Rollback> {
    return this.lifecycle.rollback(id);
  }

  async appendActivity(input: ActivityInput): Promise<ActivityEntry> {
    return this.activity.append(input);
  }

  async listActivity(query: ActivityQuery): Promise<ActivityPage> {
    return this.activity.list(query);
  }

  private async version(id: number | null): Promise<DatasetVersion | null> {
    if (id === null) return null;
    const result = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM ${this.versions} WHERE id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row ? toVersion(row) : null;
  }
}
