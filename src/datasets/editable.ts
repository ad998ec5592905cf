// Who may change a dataset in the back office: administrators, and editors of every dataset or of
// this one (`canEdit`). Everyone else is refused before the dataset is even looked up.

import type { Viewer } from '../core/access.ts';
import { canEdit } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { MetadataStore } from '../storage/engine.ts';

export function mayManageDatasets(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'editor';
}

/** The dataset, if it exists and the viewer may edit it (DG_ERR_DATASET_EDIT_FORBIDDEN, …). */
export async function editableDataset(
  metadata: MetadataStore,
  viewer: Viewer,
  id: string,
): Promise<Dataset> {
  if (!mayManageDatasets(viewer) || !canEdit(viewer, id)) {
    throw new PortalError('DG_ERR_DATASET_EDIT_FORBIDDEN', { dataset_id: id });
  }
  const dataset = await metadata.getDataset(id);
  if (!dataset) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
  return dataset;
}
