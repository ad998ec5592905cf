// What the account and settings pages write to the activity log: who (the signed-in user) did
// what (`user.create`, `group.rename`, `api_key.revoke`, `settings.update`…) and a diff of what
// changed. Entries name no dataset; the account, group or key acted on is in the diff (`email`,
// `group`, `key`), unchanged ones included so an entry says what it is about. Secrets
// (passwords, keys) never appear.

import type { FastifyRequest } from 'fastify';

import type { ActivityDiff } from '../core/activity.ts';
import { diffOf } from '../core/activity.ts';
import type { PortalServices } from '../http/services.ts';

/** The actions these pages write, in the order the activity page's filter lists them. */
export const ACCOUNT_ACTIONS = [
  'user.create',
  'user.update',
  'user.password_reset',
  'user.delete',
  'group.create',
  'group.rename',
  'group.member_add',
  'group.member_remove',
  'group.delete',
  'api_key.create',
  'api_key.revoke',
  'settings.update',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export { diffOf };

/** A property that names what was acted on, the same before and after. */
export function subject(name: string, value: string): ActivityDiff {
  return { [name]: { before: value, after: value } };
}

export async function logAction(
  services: PortalServices,
  request: FastifyRequest,
  action: AccountAction,
  diff: ActivityDiff,
): Promise<void> {
  await services.activity.record(request.viewer, action, null, diff);
}
