// Backs the store up with pg_dump (custom format, the engine's schema only), while it serves.
// The password, if the URL has one, goes through PGPASSWORD rather than the command line.

import { spawn } from 'node:child_process';

import { PortalError } from '../../core/errors.ts';

export async function backupWithPgDump(url: string, schema: string, path: string): Promise<void> {
  const target = new URL(url);
  // pg_dump inherits this process's environment (PATH, PG* variables), plus the password.
  // eslint-disable-next-line no-restricted-properties
  const env = { ...process.env };
  if (target.password) {
    env['PGPASSWORD'] = decodeURIComponent(target.password);
    target.password = '';
  }
  const args = [
    '--format=custom',
    '--file',
    path,
    '--schema',
    schema,
    '--dbname',
    target.toString(),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pg_dump', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const detail =
        error.code === 'ENOENT'
          ? 'backing up a PostgreSQL store needs pg_dump, which is not on the PATH ' +
            '(install the PostgreSQL client tools, the same major version as the server or newer)'
          : `pg_dump could not start: ${error.message}`;
      reject(new PortalError('DG_ERR_STORAGE_UNAVAILABLE', { detail }, { cause: error }));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const detail = `pg_dump failed (exit code ${code}): ${stderr.trim()}`;
        reject(new PortalError('DG_ERR_STORAGE_UNAVAILABLE', { detail }));
      }
    });
  });
}
