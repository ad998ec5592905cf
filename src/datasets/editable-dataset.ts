// The door of every back-office change of a dataset: the viewer must be staff who may edit it
// (administrators, its editors), and the dataset must exist.

import type { Viewer } from '../core/access.ts';
import { canEdit } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { MetadataStore } from '../storage/engine.ts';

/** Whether the viewer may manage datasets at all (administrators and editors). */
export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'editor';
}

/** The dataset, if it exists and the viewer may edit it (DG_ERR_DATASET_EDIT_FORBIDDEN first). */
export async function editableDataset(
  metadata: MetadataStore,
  viewer: Viewer,
  id: string,
): Promise<Dataset> {
  if (!isStaff(viewer) || !canEdit(viewer, id)) {
    throw new PortalError('DG_ERR_DATASET_EDIT_FORBIDDEN', { dataset_id: id });
  }
  const dataset = await metadata.getDataset(id);
  if (!dataset) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
  return dataset;
}
