// `datagora migrate --to postgres://…`: moves the portal from its SQLite file to PostgreSQL.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { sqlitePath } from '../../app.ts';
import { isValidSchemaName } from '../../storage/postgres/quote.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export async function migrateCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, schema: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError('migrate takes no positional argument');
  const url = values.to;
  if (url === undefined || !POSTGRES_URL.test(url)) {
    throw new UsageError('migrate needs --to postgres://user@host:port/database');
  }
  const schema = values.schema ?? 'public';
  if (!isValidSchemaName(schema)) {
    throw new UsageError(`invalid schema "${schema}": use lowercase letters, digits and _`);
  }
  const source = sqlitePath(context.config());
  if (!existsSync(source)) {
    context.stderr.write(`There is no SQLite store at ${source}: nothing to migrate.\n`);
    return 1;
  }
  const started = Date.now();
  // Imported when run: the transfer loads the PostgreSQL engine (`pg`).
  const { transferPortal } = await import('../../storage/transfer/transfer-portal.ts');
  const outcome = await transferPortal({
    sqlitePath: source,
    url,
    schema,
    progress: (line) => context.stdout.write(`  ${line}\n`),
  });
  if (!outcome.done) {
    context.stderr.write(
      `Nothing was copied: ${outcome.reasons.join('; ')}.\n` +
        'Migrate into an empty database or schema (--schema), with both stores up to date.\n',
    );
    return 1;
  }
  const records = outcome.versions.reduce((sum, v) => sum + v.records, 0);
  context.stdout.write(
    `Copied ${outcome.tables.length} tables and ${outcome.versions.length} dataset versions ` +
      `(${records} records) to PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Set DATABASE_URL to serve from it; keep DATAGORA_HOME, which holds the attachments.\n`,
  );
  return 0;
}
