// Who is asking, and what they may read. Every read path asks `canRead` before it answers, so a
// restricted dataset, or a draft (unpublished) one, is, to anyone without access, the same as a
// dataset that does not exist.

import type { ApiKeyScope, DatasetAccess, Role } from './account.ts';
import type { Visibility } from './dataset.ts';

export interface Viewer {
  /** How the request proved who it is. */
  via: 'anonymous' | 'session' | 'apikey';
  userId: string | null;
  role: Role | null;
  groupIds: readonly string[];
  editsAllDatasets: boolean;
  editableDatasets: readonly string[];
  /** A session may write; an API key as its scope says; an anonymous visitor only reads. */
  scope: ApiKeyScope;
}

export const ANONYMOUS: Viewer = Object.freeze({
  via: 'anonymous',
  userId: null,
  role: null,
  groupIds: [],
  editsAllDatasets: false,
  editableDatasets: [],
  scope: 'read',
});

interface GuardedDataset {
  id: string;
  visibility: Visibility;
  published: boolean;
  access: DatasetAccess;
}

/** Whether the viewer may edit the dataset (administrators and its editors). */
export function canEdit(viewer: Viewer, datasetId: string): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'editor') return false;
  return viewer.editsAllDatasets || viewer.editableDatasets.includes(datasetId);
}

/**
 * A draft is for those who may edit it (they preview it) and no one else, grants included; a
 * published dataset is for everyone when public, else for its editors and those granted access.
 */
export function canRead(viewer: Viewer, dataset: GuardedDataset): boolean {
  if (!dataset.published) return canEdit(viewer, dataset.id);
  if (dataset.visibility === 'domain') return true;
  if (viewer.userId === null) return false;
  if (canEdit(viewer, dataset.id)) return true;
  if (dataset.access.userIds.includes(viewer.userId)) return true;
  return dataset.access.groupIds.some((id) => viewer.groupIds.includes(id));
}
