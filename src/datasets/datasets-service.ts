// The back office's datasets: the list with each one's state, a dataset's overview with its
// version history, and the lifecycle actions (publish, unpublish, delete, roll back), each written
// to the activity log with who did it and what changed. Administrators manage every dataset,
// editors the ones they may edit (`canEdit`); the service refuses anyone else.

import type { Viewer } from '../core/access.ts';
import { canEdit } from '../core/access.ts';
import type { User } from '../core/account.ts';
import type { Dataset, DatasetVersion, DefaultMetas } from '../core/dataset.ts';
import { foldText } from '../catalog/text-search.ts';
import type { AccountStore, MetadataStore } from '../storage/engine.ts';
import type { ActivityDiff } from '../core/activity.ts';
import type { ActivityLog } from './activity-log.ts';
import { editableDataset, isStaff } from './editable-dataset.ts';
import type { Publication, StateFilter } from './dataset-state.ts';
import { importFailed, matchesState, publicationOf } from './dataset-state.ts';

export interface DatasetRow {
  dataset: Dataset;
  publication: Publication;
  /** The latest import failed (the public sees the version before, if any). */
  importFailed: boolean;
  recordsCount: number;
  /** Last change of data or metadata, ISO 8601 UTC. */
  updatedAt: string;
  ownerName: string | null;
}

export interface DatasetListQuery {
  /** Words found in the id or the title (case and accents ignored). */
  q: string;
  state: StateFilter | null;
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface DatasetList {
  rows: DatasetRow[];
  total: number;
  page: number;
  pages: number;
}

export interface DatasetOverview extends DatasetRow {
  /** Newest first. */
  versions: DatasetVersion[];
  /** Names of the users who made the versions, by id. */
  authors: Map<string, string>;
}

/** Files of a dataset to remove when it is deleted. */
export interface AttachmentRemover {
  removeAll(datasetId: string): Promise<void>;
}

export class DatasetsService {
  constructor(
    private readonly metadata: MetadataStore,
    private readonly accounts: AccountStore,
    private readonly activity: ActivityLog,
    private readonly attachments: AttachmentRemover,
  ) {}

  /** Whether the viewer may open the datasets list at all (administrators and editors). */
  mayManage(viewer: Viewer): boolean {
    return isStaff(viewer);
  }

  async list(viewer: Viewer, query: DatasetListQuery): Promise<DatasetList> {
    const [datasets, latest, names] = await Promise.all([
      this.metadata.listDatasets(),
      this.metadata.latestVersions(),
      this.userNames(),
    ]);
    const words = foldText(query.q).split(/\s+/).filter(Boolean);
    const rows = datasets
      .filter((d) => canEdit(viewer, d.id))
      .filter((d) => {
        const text = foldText(`${d.id} ${d.metas.title}`);
        return words.every((word) => text.includes(word));
      })
      .map((d) => rowOf(d, latest.get(d.id), names))
      .filter(
        (row) =>
          query.state === null || matchesState(query.state, row.publication, row.importFailed),
      )
      .sort(
        (a, b) =>
          b.updatedAt.localeCompare(a.updatedAt) || a.dataset.id.localeCompare(b.dataset.id),
      );
    const pages = Math.max(1, Math.ceil(rows.length / query.pageSize));
    const page = Math.min(Math.max(1, query.page), pages);
    const start = (page - 1) * query.pageSize;
    return { rows: rows.slice(start, start + query.pageSize), total: rows.length, page, pages };
  }

  async overview(viewer: Viewer, id: string): Promise<DatasetOverview> {
    const dataset = await this.editable(viewer, id);
    const [versions, names] = await Promise.all([this.metadata.listVersions(id), this.userNames()]);
    const authors = new Map<string, string>();
    for (const version of versions) {
      const name = version.createdBy === null ? undefined : names.get(version.createdBy);
      if (name !== undefined) authors.set(version.createdBy!, name);
    }
    return { ...rowOf(dataset, versions[0], names), versions, authors };
  }

  async setPublished(viewer: Viewer, id: string, published: boolean): Promise<Dataset> {
    const before = await this.editable(viewer, id);
    const after = await this.metadata.setPublished(id, published);
    if (before.published !== published) {
      await this.activity.record(viewer, published ? 'dataset.publish' : 'dataset.unpublish', id, {
        published: { before: before.published, after: published },
      });
    }
    return after;
  }

  async delete(viewer: Viewer, id: string): Promise<Dataset> {
    await this.editable(viewer, id);
    const deleted = await this.metadata.deleteDataset(id);
    await this.attachments.removeAll(id);
    await this.activity.record(viewer, 'dataset.delete', id, {
      title: { before: deleted.metas.title, after: null },
      published: { before: deleted.published, after: null },
      current_version: { before: deleted.current?.id ?? null, after: null },
      records_count: { before: deleted.current?.recordsCount ?? 0, after: null },
    });
    return deleted;
  }

  async rollback(
    viewer: Viewer,
    id: string,
  ): Promise<{ from: DatasetVersion; to: DatasetVersion }> {
    await this.editable(viewer, id);
    const done = await this.metadata.rollbackDataset(id);
    await this.activity.record(viewer, 'dataset.rollback', id, {
      current_version: { before: done.from.id, after: done.to.id },
      records_count: { before: done.from.recordsCount, after: done.to.recordsCount },
    });
    return done;
  }

  /**
   * Replaces the dataset's metadata; the activity log gets each top-level key that changed,
   * before and after. Saving the same metadata again changes and logs nothing.
   */
  async saveMetas(viewer: Viewer, id: string, metas: DefaultMetas): Promise<Dataset> {
    const before = await this.editable(viewer, id);
    const diff = metasDiff(before.metas, metas);
    if (Object.keys(diff).length === 0) return before;
    const saved = await this.metadata.saveDataset({ id, metas });
    await this.activity.record(viewer, 'dataset.metadata', id, diff);
    return saved;
  }

  /** The dataset, if it exists and the viewer may edit it. */
  private editable(viewer: Viewer, id: string): Promise<Dataset> {
    return editableDataset(this.metadata, viewer, id);
  }

  private async userNames(): Promise<Map<string, string>> {
    const users: User[] = await this.accounts.listUsers();
    return new Map(users.map((u) => [u.id, u.name]));
  }
}

function rowOf(
  dataset: Dataset,
  latest: DatasetVersion | undefined,
  names: Map<string, string>,
): DatasetRow {
  return {
    dataset,
    publication: publicationOf(dataset),
    importFailed: importFailed(latest),
    recordsCount: dataset.current?.recordsCount ?? 0,
    updatedAt: dataset.modifiedAt,
    ownerName: dataset.ownerId === null ? null : (names.get(dataset.ownerId) ?? null),
  };
}

/** The top-level metadata keys whose values differ (compared as JSON), before and after. */
export function metasDiff(before: DefaultMetas, after: DefaultMetas): ActivityDiff {
  const diff: ActivityDiff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) diff[key] = { before: was, after: now };
  }
  return diff;
}
