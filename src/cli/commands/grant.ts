// `datagora grant DATASET_ID USER_OR_GROUP` and `datagora revoke DATASET_ID USER_OR_GROUP`:
// who may read a restricted dataset (a user by email, a group by name).
// `datagora restrict DATASET_ID [--public]` makes a dataset restricted (or public again).

import { parseArgs } from 'node:util';

import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';
import { withAuth } from './accounts-engine.ts';

export function grantCommand(mode: 'grant' | 'revoke') {
  return async (args: string[], context: CliContext): Promise<number> => {
    if (args.length !== 2) throw new UsageError(`${mode} takes DATASET_ID and USER_OR_GROUP`);
    const [datasetId, name] = args as [string, string];
    await withAuth(context, async (auth) => {
      const grantee = await auth.accounts.findGrantee(name);
      if (mode === 'grant') await auth.accounts.grant(datasetId, grantee);
      else await auth.accounts.revokeGrant(datasetId, grantee);
    });
    context.stdout.write(
      mode === 'grant'
        ? `${name} may now read ${datasetId} when it is restricted.\n`
        : `${name} no longer has a grant on ${datasetId}.\n`,
    );
    return 0;
  };
}

export async function restrictCommand(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { public: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('restrict takes exactly one DATASET_ID');
  const datasetId = positionals[0] as string;
  await withAuth(context, (auth) =>
    auth.accounts.setVisibility(datasetId, values.public ? 'domain' : 'restricted'),
  );
  context.stdout.write(
    values.public
      ? `${datasetId} is public.\n`
      : `${datasetId} is restricted to administrators, its editors and those granted access.\n`,
  );
  return 0;
}
