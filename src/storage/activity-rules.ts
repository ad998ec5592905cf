// Rules both engines apply to the activity log.

import type { ActivityQuery } from '../core/activity.ts';
import { isActivityAction } from '../core/activity.ts';

export const MAX_ACTIVITY_PAGE = 500;

/** An action that is not a dotted name is a programming error, not bad input. */
export function checkActivityAction(action: string): void {
  if (!isActivityAction(action)) throw new TypeError(`not an activity action: ${action}`);
}

/** The page's limit and offset, brought within range. */
export function activityPageBounds(query: ActivityQuery): { limit: number; offset: number } {
  const limit = Math.min(MAX_ACTIVITY_PAGE, Math.max(1, Math.trunc(query.limit) || 1));
  const offset = Math.max(0, Math.trunc(query.offset) || 0);
  return { limit, offset };
}
