// `datagora group create NAME`, `group add NAME EMAIL`, `group list`.

import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';
import { withAuth } from './accounts-engine.ts';

export async function groupCommand(args: string[], context: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'create' && rest.length === 1) {
    const group = await withAuth(context, (auth) => auth.accounts.createGroup(rest[0] as string));
    context.stdout.write(`Created group ${group.name} (${group.id}).\n`);
    return 0;
  }
  if (action === 'add' && rest.length === 2) {
    const [group, user] = rest as [string, string];
    await withAuth(context, (auth) => auth.accounts.addMember(group, user));
    context.stdout.write(`Added ${user} to ${group}.\n`);
    return 0;
  }
  if (action === 'list' && rest.length === 0) {
    const groups = await withAuth(context, (auth) => auth.accounts.listGroups());
    for (const group of groups) {
      context.stdout.write(`${group.name}\t${group.memberIds.length} members\t${group.id}\n`);
    }
    return 0;
  }
  throw new UsageError('group needs: create NAME, add NAME EMAIL, or list');
}
