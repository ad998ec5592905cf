// The MetadataStore contract over the synchronous repositories (one read-write connection).

import type { Attachment, AttachmentInput } from '../../core/attachment.ts';
import type { Dataset, DatasetVersion } from '../../core/dataset.ts';
import type { DatasetInput, MetadataStore } from '../engine.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import type { VersionRepository } from './version-repository.ts';

export class SqliteMetadataStore implements MetadataStore {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: VersionRepository,
  ) {}

  async listDatasets(): Promise<Dataset[]> {
    return this.datasets.list();
  }

  async getDataset(id: string): Promise<Dataset | null> {
    return this.datasets.get(id);
  }

  async saveDataset(input: DatasetInput): Promise<Dataset> {
    return this.datasets.save(input);
  }

  /** Newest first. */
  async listVersions(datasetId: string): Promise<DatasetVersion[]> {
    return this.versions.listOf(datasetId);
  }

  async saveAttachment(input: AttachmentInput): Promise<Attachment> {
    return this.datasets.saveAttachment(input);
  }
}
