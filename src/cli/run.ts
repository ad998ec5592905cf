// Dispatches a command line to its command, mapping errors to exit codes:
// 2 for usage and configuration errors, 1 for failures.

import { ConfigError } from '../config/index.ts';
import { isPortalError } from '../core/errors.ts';
import { apikeyCommand } from './commands/apikey.ts';
import { auditCookiesCommand } from './commands/audit-cookies.ts';
import { attachCommand } from './commands/attach.ts';
import { backupCommand } from './commands/backup.ts';
import { datasetsCommand } from './commands/datasets.ts';
import { grantCommand, restrictCommand } from './commands/grant.ts';
import { groupCommand } from './commands/group.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { serviceCommand } from './commands/service.ts';
import { userCommand } from './commands/user.ts';
import type { CliContext } from './context.ts';
import { USAGE, UsageError } from './usage.ts';

type Command = (args: string[], context: CliContext) => Promise<number | 'running'>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  import: importCommand,
  datasets: datasetsCommand,
  backup: backupCommand,
  migrate: migrateCommand,
  attach: attachCommand,
  user: userCommand,
  group: groupCommand,
  apikey: apikeyCommand,
  grant: grantCommand('grant'),
  revoke: grantCommand('revoke'),
  restrict: restrictCommand,
  service: serviceCommand,
  'audit-cookies': auditCookiesCommand,
};

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs one command; resolves to the exit code, or 'running' for a server that keeps going. */
export async function runCli(argv: string[], context: CliContext): Promise<number | 'running'> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? context.stderr : context.stdout).write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, context);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      context.stderr.write(`datagora: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      context.stderr.write(`datagora: ${error.message}\n`);
      return 2;
    }
    const message = isPortalError(error) || error instanceof Error ? error.message : String(error);
    context.stderr.write(`datagora ${name} failed: ${message}\n`);
    return 1;
  }
}
