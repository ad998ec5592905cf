// `datagora serve`: the portal, as `npm start` runs it.

import { parseArgs } from 'node:util';

import { servePortal } from '../../serve.ts';
import type { CliContext } from '../context.ts';

export async function serveCommand(
  args: string[],
  context: CliContext,
): Promise<number | 'running'> {
  parseArgs({ args, options: {} });
  await servePortal(context.config());
  return 'running';
}
