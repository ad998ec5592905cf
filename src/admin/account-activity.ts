// What the account and settings pages tell the activity log: who did what to which account,
// group, key or setting, with the fields that changed. Secrets (passwords, keys) never appear.

import type { FastifyRequest } from 'fastify';

export type AccountAction =
  | 'user.created'
  | 'user.changed'
  | 'user.password-reset'
  | 'user.deleted'
  | 'group.created'
  | 'group.renamed'
  | 'group.member-added'
  | 'group.member-removed'
  | 'group.deleted'
  | 'api-key.created'
  | 'api-key.revoked'
  | 'settings.changed';

export interface AccountEvent {
  action: AccountAction;
  /** What was acted on: a user's email, a group's name, a key's id, `portal`. */
  target: string;
  /** Field → [before, after]; only the fields that changed. */
  diff?: Record<string, [unknown, unknown]>;
}

/** The fields of `after` whose value differs from `before` (arrays compared by content). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(value)) diff[name] = [before[name], value];
  }
  return diff;
}

export type ActivitySink = (request: FastifyRequest, event: AccountEvent) => Promise<void>;

/** Until the activity log is wired, events go to the request's log. */
export const logAccountEvent: ActivitySink = async (request, event) => {
  request.log.info({ actor: request.viewer.userId, ...event }, 'back office action');
};
