// The MetadataStore contract over the synchronous repositories (one read-write connection).

import type {
  ActivityEntry,
  ActivityInput,
  ActivityPage,
  ActivityQuery,
} from '../../core/activity.ts';
import type { Attachment, AttachmentInput } from '../../core/attachment.ts';
import type { Dataset, DatasetVersion } from '../../core/dataset.ts';
import type { DatasetInput, MetadataStore, Rollback } from '../engine.ts';
import type { ActivityRepository } from './activity-repository.ts';
import type { DatasetLifecycle } from './dataset-lifecycle.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import type { DatasetSnapshots } from './dataset-snapshots.ts';
import type { VersionRepository } from './version-repository.ts';

export class SqliteMetadataStore implements MetadataStore {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: VersionRepository,
    private readonly lifecycle: DatasetLifecycle,
    private readonly activity: ActivityRepository,
    private readonly snapshots: DatasetSnapshots,
  ) {}

  async listDatasets(): Promise<Dataset[]> {
    return this.snapshots.all();
  }

  async getDataset(id: string): Promise<Dataset | null> {
    return this.snapshots.get(id);
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

  async deleteAttachment(datasetId: string, id: string): Promise<boolean> {
    return this.datasets.deleteAttachment(datasetId, id);
  }

  async latestVersions(): Promise<Map<string, DatasetVersion>> {
    return new Map(this.versions.latestOfEach().map((v) => [v.datasetId, v]));
  }

  async setPublished(id: string, published: boolean): Promise<Dataset> {
    return this.lifecycle.setPublished(id, published);
  }

  async deleteDataset(id: string): Promise<Dataset> {
    return this.lifecycle.delete(id);
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
}
