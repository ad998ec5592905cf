// Metadata rows as PostgreSQL returns them (timestamps as epoch milliseconds), and their mapping
// to the core types.

import type { DatasetAccess } from '../../core/account.ts';
import type { Attachment } from '../../core/attachment.ts';
import type {
  Dataset,
  DatasetVersion,
  DefaultMetas,
  Visibility,
  VersionStatus,
} from '../../core/dataset.ts';
import type { Field } from '../../core/field.ts';

export interface VersionRow {
  id: number;
  dataset_id: string;
  table_name: string;
  fields: Field[];
  status: VersionStatus;
  records_count: number;
  created_at: number;
  committed_at: number | null;
  source: string | null;
  error: string | null;
  created_by: string | null;
}

export interface DatasetRow {
  id: string;
  uid: string;
  metas: DefaultMetas;
  visibility: Visibility;
  published: boolean;
  owner_id: string | null;
  created_at: number;
  modified_at: number;
  data_processed_at: number | null;
  metadata_processed_at: number;
  current_version_id: number | null;
}

export const VERSION_COLUMNS =
  'id, dataset_id, table_name, fields, status, records_count, created_at, committed_at, source, error, created_by';

export const DATASET_COLUMNS =
  'id, uid, metas, visibility, published, owner_id, created_at, modified_at, data_processed_at, metadata_processed_at, current_version_id';

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

export function toVersion(row: VersionRow): DatasetVersion {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    table: row.table_name,
    fields: row.fields,
    status: row.status,
    recordsCount: row.records_count,
    createdAt: iso(row.created_at),
    committedAt: row.committed_at === null ? null : iso(row.committed_at),
    source: row.source,
    error: row.error,
    createdBy: row.created_by,
  };
}

export interface AttachmentRow {
  dataset_id: string;
  id: string;
  title: string | null;
  mimetype: string | null;
  path: string;
  created_at: number;
}

export const ATTACHMENT_COLUMNS = 'dataset_id, id, title, mimetype, path, created_at';

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    title: row.title ?? row.path,
    mimetype: row.mimetype ?? 'application/octet-stream',
    fileName: row.path,
    createdAt: iso(row.created_at),
  };
}

export function toDataset(
  row: DatasetRow,
  current: DatasetVersion | null,
  attachments: Attachment[] = [],
  access: DatasetAccess = { userIds: [], groupIds: [] },
): Dataset {
  return {
    id: row.id,
    uid: row.uid,
    metas: row.metas,
    visibility: row.visibility,
    published: row.published,
    ownerId: row.owner_id,
    createdAt: iso(row.created_at),
    modifiedAt: iso(row.modified_at),
    dataProcessedAt: row.data_processed_at === null ? null : iso(row.data_processed_at),
    metadataProcessedAt: iso(row.metadata_processed_at),
    current,
    attachments,
    access,
  };
}
