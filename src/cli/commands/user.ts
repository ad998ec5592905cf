// `datagora user create EMAIL [--admin | --role ROLE] [--name NAME]`, `user list`,
// `user password EMAIL`, `user role EMAIL ROLE [--datasets A,B | --all-datasets]`.

import { parseArgs } from 'node:util';

import type { User } from '../../core/account.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';
import { withAuth } from './accounts-engine.ts';

function describe(user: User): string {
  const scope =
    user.role !== 'editor'
      ? ''
      : user.editsAllDatasets
        ? ' (all datasets)'
        : ` (${user.editableDatasets.join(', ') || 'no dataset yet'})`;
  return `${user.email}\t${user.name}\t${user.role}${scope}\t${user.id}`;
}

async function create(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { admin: { type: 'boolean' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('user create takes exactly one EMAIL');
  if (values.admin && values.role && values.role !== 'admin') {
    throw new UsageError('--admin and --role disagree');
  }
  const password = await context.password(`Password for ${positionals[0]}: `);
  const user = await withAuth(context, (auth) =>
    auth.accounts.createUser({
      email: positionals[0] as string,
      name: values.name,
      password,
      role: (values.admin ? 'admin' : (values.role ?? 'user')) as User['role'],
    }),
  );
  context.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
  return 0;
}

async function list(args: string[], context: CliContext): Promise<number> {
  if (args.length > 0) throw new UsageError('user list takes no argument');
  const users = await withAuth(context, (auth) => auth.accounts.listUsers());
  for (const user of users) context.stdout.write(`${describe(user)}\n`);
  return 0;
}

async function password(args: string[], context: CliContext): Promise<number> {
  if (args.length !== 1) throw new UsageError('user password takes exactly one EMAIL');
  const secret = await context.password(`New password for ${args[0]}: `);
  await withAuth(context, async (auth) => {
    const user = await auth.accounts.findUser(args[0] as string);
    await auth.accounts.changePassword(user.id, secret);
  });
  context.stdout.write(`Password changed for ${args[0]}; their sessions have ended.\n`);
  return 0;
}

async function role(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { datasets: { type: 'string' }, 'all-datasets': { type: 'boolean' } },
  });
  if (positionals.length !== 2) throw new UsageError('user role takes EMAIL and ROLE');
  const [email, newRole] = positionals as [string, string];
  if ((values.datasets || values['all-datasets']) && newRole !== 'editor') {
    throw new UsageError('--datasets and --all-datasets only go with the editor role');
  }
  const user = await withAuth(context, async (auth) => {
    const found = await auth.accounts.findUser(email);
    await auth.accounts.setRole(found.id, newRole, values['all-datasets'] === true);
    const ids = (values.datasets ?? '').split(',').filter((id) => id !== '');
    if (values.datasets !== undefined) await auth.accounts.setEditableDatasets(found.id, ids);
    return auth.accounts.findUser(found.id);
  });
  context.stdout.write(`${describe(user)}\n`);
  return 0;
}

const ACTIONS: Record<string, (args: string[], context: CliContext) => Promise<number>> = {
  create,
  list,
  password,
  role,
};

export async function userCommand(args: string[], context: CliContext): Promise<number> {
  const [action, ...rest] = args;
  const run = action === undefined ? undefined : ACTIONS[action];
  if (!run) throw new UsageError(`user needs one of: ${Object.keys(ACTIONS).join(', ')}`);
  return run(rest, context);
}
