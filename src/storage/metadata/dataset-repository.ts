// Datasets: their metadata and which version is current. Synchronous.

import { randomBytes } from 'node:crypto';

import type Database from 'better-sqlite3';

import type { DatasetAccess } from '../../core/account.ts';
import type { Attachment, AttachmentInput } from '../../core/attachment.ts';
import type { Dataset, DefaultMetas, Visibility } from '../../core/dataset.ts';
import { isValidDatasetId } from '../../core/dataset.ts';
import { PortalError } from '../../core/errors.ts';
import { isoNow } from '../../util/iso-now.ts';
import type { DatasetInput } from '../engine.ts';
import type { VersionRow } from './version-repository.ts';
import { versionFromRow } from './version-repository.ts';

interface DatasetRow {
  id: string;
  uid: string;
  metas: string;
  visibility: Visibility;
  published: 0 | 1;
  owner_id: string | null;
  created_at: string;
  modified_at: string;
  data_processed_at: string | null;
  metadata_processed_at: string;
  current_version_id: number | null;
}

interface AttachmentRow {
  id: string;
  title: string | null;
  mimetype: string | null;
  path: string;
  created_at: string;
}

function attachmentFromRow(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    title: row.title ?? row.path,
    mimetype: row.mimetype ?? 'application/octet-stream',
    fileName: row.path,
    createdAt: row.created_at,
  };
}

function datasetFromRow(
  row: DatasetRow,
  current: VersionRow | undefined,
  attachments: Attachment[],
  access: DatasetAccess,
): Dataset {
  return {
    id: row.id,
    uid: row.uid,
    metas: JSON.parse(row.metas) as DefaultMetas,
    visibility: row.visibility,
    published: row.published === 1,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    dataProcessedAt: row.data_processed_at,
    metadataProcessedAt: row.metadata_processed_at,
    current: current ? versionFromRow(current) : null,
    attachments,
    access,
  };
}

/** A new `da_…` uid: 12 random base-32 characters. */
function newUid(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return `da_${Array.from(randomBytes(12), (b) => alphabet[b % 32]).join('')}`;
}

export class DatasetRepository {
  constructor(private readonly db: Database.Database) {}

  list(): Dataset[] {
    const rows = this.db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[];
    return rows.map((row) => this.withCurrent(row));
  }

  get(id: string): Dataset | null {
    const row = this.db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as
      DatasetRow | undefined;
    return row ? this.withCurrent(row) : null;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(id) !== undefined;
  }

  save(input: DatasetInput): Dataset {
    if (!isValidDatasetId(input.id)) {
      throw new PortalError('DG_ERR_INVALID_DATASET_ID', { dataset_id: input.id });
    }
    const now = isoNow();
    const metas = JSON.stringify(input.metas);
    const published = input.published === undefined ? null : input.published ? 1 : 0;
    this.db
      .transaction(() => {
        if (this.exists(input.id)) {
          this.db
            .prepare(
              `UPDATE datasets SET metas = ?, visibility = coalesce(?, visibility),
               published = coalesce(?, published),
               owner_id = CASE WHEN ? THEN ? ELSE owner_id END,
               modified_at = ?, metadata_processed_at = ? WHERE id = ?`,
            )
            .run(
              metas,
              input.visibility ?? null,
              published,
              input.ownerId === undefined ? 0 : 1,
              input.ownerId ?? null,
              now,
              now,
              input.id,
            );
        } else {
          this.db
            .prepare(
              `INSERT INTO datasets (id, uid, metas, visibility, published, owner_id, created_at,
               modified_at, metadata_processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              input.id,
              newUid(),
              metas,
              input.visibility ?? 'domain',
              published ?? 1,
              input.ownerId ?? null,
              now,
              now,
              now,
            );
        }
      })
      .immediate();
    return this.get(input.id)!;
  }

  private withCurrent(row: DatasetRow): Dataset {
    const current =
      row.current_version_id === null
        ? undefined
        : (this.db
            .prepare('SELECT * FROM dataset_versions WHERE id = ?')
            .get(row.current_version_id) as VersionRow | undefined);
    const attachments = this.db
      .prepare('SELECT * FROM attachments WHERE dataset_id = ? ORDER BY created_at, id')
      .all(row.id) as AttachmentRow[];
    const grants = this.db
      .prepare(
        `SELECT grantee_kind AS kind, grantee_id AS id FROM dataset_grants
         WHERE dataset_id = ? ORDER BY grantee_kind, grantee_id`,
      )
      .all(row.id) as { kind: 'user' | 'group'; id: string }[];
    const access: DatasetAccess = {
      userIds: grants.filter((g) => g.kind === 'user').map((g) => g.id),
      groupIds: grants.filter((g) => g.kind === 'group').map((g) => g.id),
    };
    return datasetFromRow(row, current, attachments.map(attachmentFromRow), access);
  }

  saveAttachment(input: AttachmentInput): Attachment {
    if (!this.exists(input.datasetId)) {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: input.datasetId });
    }
    const now = isoNow();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO attachments (dataset_id, id, title, mimetype, path, created_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (dataset_id, id) DO UPDATE SET
               title = excluded.title, mimetype = excluded.mimetype, path = excluded.path`,
          )
          .run(input.datasetId, input.id, input.title, input.mimetype, input.fileName, now);
        this.touch(input.datasetId, now);
      })
      .immediate();
    const row = this.db
      .prepare('SELECT * FROM attachments WHERE dataset_id = ? AND id = ?')
      .get(input.datasetId, input.id) as AttachmentRow;
    return attachmentFromRow(row);
  }

  deleteAttachment(datasetId: string, id: string): boolean {
    return this.db
      .transaction(() => {
        const done = this.db
          .prepare('DELETE FROM attachments WHERE dataset_id = ? AND id = ?')
          .run(datasetId, id);
        if (done.changes > 0) this.touch(datasetId, isoNow());
        return done.changes > 0;
      })
      .immediate();
  }

  /** An attachment changed: the dataset's metadata did (validators of its answers change). */
  private touch(datasetId: string, now: string): void {
    this.db
      .prepare('UPDATE datasets SET modified_at = ?, metadata_processed_at = ? WHERE id = ?')
      .run(now, now, datasetId);
  }
}
