// Looking datasets up in the catalog: the one way services and surfaces reach dataset metadata.

import type { Dataset } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { MetadataStore } from '../storage/engine.ts';

export class CatalogService {
  constructor(private readonly metadata: MetadataStore) {}

  /** The public datasets, by id. */
  async listDatasets(): Promise<Dataset[]> {
    const datasets = await this.metadata.listDatasets();
    return datasets
      .filter((d) => d.visibility === 'domain')
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** A public dataset, or DG_ERR_DATASET_NOT_FOUND. */
  async getDataset(id: string): Promise<Dataset> {
    const dataset = await this.metadata.getDataset(id);
    if (!dataset || dataset.visibility !== 'domain') {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
    }
    return dataset;
  }
}
