// The activity log as services write and the back office reads it. Every back-office change of a
// dataset goes through `record`, with who made it (the signed-in user) and what changed.

import type { Viewer } from '../core/access.ts';
import type { ActivityDiff, ActivityPage, ActivityQuery } from '../core/activity.ts';
import type { MetadataStore } from '../storage/engine.ts';

export class ActivityLog {
  constructor(private readonly metadata: MetadataStore) {}

  async record(
    viewer: Viewer,
    action: string,
    datasetId: string | null,
    diff: ActivityDiff | null = null,
  ): Promise<void> {
    await this.metadata.appendActivity({ userId: viewer.userId, action, datasetId, diff });
  }

  /** Newest first; who may read it is the caller's to decide (administrators). */
  async list(query: ActivityQuery): Promise<ActivityPage> {
    return this.metadata.listActivity(query);
  }
}
