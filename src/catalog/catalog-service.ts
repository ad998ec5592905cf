// Looking datasets up in the catalog: the one way services and surfaces reach dataset metadata,
// and the one place that applies the access rule. A restricted dataset the viewer may not read
// is left out of every list and answers DG_ERR_DATASET_NOT_FOUND, as a missing one does.

import type { Viewer } from '../core/access.ts';
import { canRead } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { MetadataStore } from '../storage/engine.ts';

export class CatalogService {
  constructor(private readonly metadata: MetadataStore) {}

  /** The datasets the viewer may read, by id. */
  async listDatasets(viewer: Viewer): Promise<Dataset[]> {
    const datasets = await this.metadata.listDatasets();
    return datasets.filter((d) => canRead(viewer, d)).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** A dataset the viewer may read, or DG_ERR_DATASET_NOT_FOUND (missing or not theirs). */
  async getDataset(id: string, viewer: Viewer): Promise<Dataset> {
    const dataset = await this.metadata.getDataset(id);
    if (!dataset || !canRead(viewer, dataset)) {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
    }
    return dataset;
  }
}
