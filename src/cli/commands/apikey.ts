// `datagora apikey create EMAIL [--label TEXT] [--scope read|write] [--expires DATE]` prints a
// new key alone on stdout (for scripts); `apikey list [EMAIL]`; `apikey revoke KEY_ID`.

import { parseArgs } from 'node:util';

import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';
import { withAuth } from './accounts-engine.ts';

async function create(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      label: { type: 'string' },
      scope: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('apikey create takes exactly one EMAIL');
  const created = await withAuth(context, async (auth) => {
    const user = await auth.accounts.findUser(positionals[0] as string);
    return auth.apiKeys.create(user.id, {
      label: values.label ?? 'command line',
      scope: values.scope,
      expiresAt: values.expires ?? null,
    });
  });
  const { apiKey } = created;
  context.stderr.write(
    `New ${apiKey.scope} key ${apiKey.id} for ${positionals[0]}` +
      `${apiKey.expiresAt ? `, until ${apiKey.expiresAt}` : ''}; it is shown only now.\n`,
  );
  context.stdout.write(`${created.key}\n`);
  return 0;
}

async function list(args: string[], context: CliContext): Promise<number> {
  if (args.length > 1) throw new UsageError('apikey list takes at most one EMAIL');
  const keys = await withAuth(context, async (auth) => {
    const userId = args[0] === undefined ? undefined : (await auth.accounts.findUser(args[0])).id;
    return auth.apiKeys.list(userId);
  });
  for (const key of keys) {
    const state = key.revokedAt
      ? `revoked ${key.revokedAt}`
      : `expires ${key.expiresAt ?? 'never'}`;
    context.stdout.write(
      `${key.id}\t${key.prefix}…\t${key.scope}\t${key.label}\t${state}\t` +
        `last used ${key.lastUsedAt ?? 'never'}\n`,
    );
  }
  return 0;
}

async function revoke(args: string[], context: CliContext): Promise<number> {
  if (args.length !== 1) throw new UsageError('apikey revoke takes exactly one KEY_ID');
  await withAuth(context, (auth) => auth.apiKeys.revoke(args[0] as string));
  context.stdout.write(`Revoked ${args[0]}.\n`);
  return 0;
}

export async function apikeyCommand(args: string[], context: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'create') return create(rest, context);
  if (action === 'list') return list(rest, context);
  if (action === 'revoke') return revoke(rest, context);
  throw new UsageError('apikey needs one of: create, list, revoke');
}
