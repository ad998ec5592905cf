// `datagora backup FILE`: a consistent copy of the store, taken while the portal runs.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { openStorage } from '../../app.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';

export async function backupCommand(args: string[], context: CliContext): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('backup takes exactly one FILE');
  const target = positionals[0] as string;
  if (existsSync(target)) {
    context.stderr.write(
      `Cannot back up to ${target}: the file exists (nothing was overwritten).\n`,
    );
    return 1;
  }
  const engine = await openStorage(context.config());
  try {
    const started = Date.now();
    await engine.backup(target);
    context.stdout.write(
      `Backed up the store to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    return 0;
  } finally {
    await engine.close();
  }
}
