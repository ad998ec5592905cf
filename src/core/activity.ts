// The back office's activity log: who did what to which dataset, and what changed (ODS keeps the
// same fields: time, user, action, dataset, diff).

/** What one entry changed: for each property, its value before and after (null when none). */
export type ActivityDiff = Record<string, { before: unknown; after: unknown }>;

/** The actions of the dataset lifecycle; other parts of the back office add their own. */
export const DATASET_ACTIONS = [
  'dataset.publish',
  'dataset.unpublish',
  'dataset.delete',
  'dataset.rollback',
  'dataset.metadata',
  'dataset.schema',
] as const;

/** Actions are dotted lowercase words (`dataset.publish`), so that they filter and sort well. */
export const ACTIVITY_ACTION_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

export function isActivityAction(action: string): boolean {
  return action.length <= 100 && ACTIVITY_ACTION_PATTERN.test(action);
}

export interface ActivityEntry {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  /** Who acted, or null for the portal itself (a scheduled refresh, the command line). */
  userId: string | null;
  action: string;
  /** The dataset acted on, or null; kept after the dataset is deleted. */
  datasetId: string | null;
  diff: ActivityDiff | null;
}

export interface ActivityInput {
  userId: string | null;
  action: string;
  datasetId: string | null;
  diff?: ActivityDiff | null;
}

/** A page of the log, newest first, narrowed by any of the filters. */
export interface ActivityQuery {
  datasetId?: string;
  userId?: string;
  action?: string;
  /** At most this many entries (1 to 500). */
  limit: number;
  offset: number;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** How many entries match the filters, all pages together. */
  total: number;
}

/** A diff of the properties whose values differ between `before` and `after` (JSON equality). */
export function diffOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ActivityDiff {
  const diff: ActivityDiff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { before: from, after: to };
  }
  return diff;
}
