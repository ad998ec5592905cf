// Datasets, their versions and their metadata, as the portal keeps them.

import type { DatasetAccess } from './account.ts';
import type { Attachment } from './attachment.ts';
import type { Field } from './field.ts';

/** Dataset ids appear in URLs: lowercase letters, digits, `_` and `-`. */
export const DATASET_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export function isValidDatasetId(id: string): boolean {
  return DATASET_ID_PATTERN.test(id);
}

/**
 * The `default` metadata template of ODS (title, description, theme, keyword, license…).
 * Unset values are null. Extra keys may be present.
 */
export interface DefaultMetas {
  title: string;
  description: string | null;
  theme: string[] | null;
  keyword: string[] | null;
  license: string | null;
  license_url: string | null;
  language: string | null;
  publisher: string | null;
  references: string | null;
  attributions: string[] | null;
  territory: string[] | null;
  timezone: string | null;
  [key: string]: unknown;
}

export type Visibility = 'domain' | 'restricted';

export type VersionStatus = 'loading' | 'ready' | 'failed' | 'retired';

/** One loaded (or loading) copy of a dataset's records, in its own table. */
export interface DatasetVersion {
  id: number;
  datasetId: string;
  /** The table that holds the records. */
  table: string;
  fields: Field[];
  status: VersionStatus;
  recordsCount: number;
  /** ISO 8601 UTC. */
  createdAt: string;
  committedAt: string | null;
  /** Where the data came from (a file name or URL). */
  source: string | null;
  error: string | null;
  /** The user who started the load, or null (command line, demo data, a deleted user). */
  createdBy: string | null;
}

export interface Dataset {
  id: string;
  /** A stable opaque id (`da_…`), as ODS gives `dataset_uid`. */
  uid: string;
  metas: DefaultMetas;
  visibility: Visibility;
  /** False while the dataset is a draft: only its editors and administrators see it. */
  published: boolean;
  /** The user who owns the dataset (who created it in the back office), or null. */
  ownerId: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** Last change of data or metadata, ISO 8601 UTC. */
  modifiedAt: string;
  /** Last change of data, ISO 8601 UTC, or null before the first load. */
  dataProcessedAt: string | null;
  /** Last change of metadata, ISO 8601 UTC. */
  metadataProcessedAt: string;
  /** The version the public sees, or null while none was loaded. */
  current: DatasetVersion | null;
  /** Files published with the dataset, oldest first. */
  attachments: Attachment[];
  /** Who was granted access, when the dataset is restricted. */
  access: DatasetAccess;
}

export function emptyMetas(title: string): DefaultMetas {
  return {
    title,
    description: null,
    theme: null,
    keyword: null,
    license: null,
    license_url: null,
    language: null,
    publisher: null,
    references: null,
    attributions: null,
    territory: null,
    timezone: null,
  };
}
