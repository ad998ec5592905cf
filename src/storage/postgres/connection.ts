// Pools of connections to the store. Every session runs in UTC with ISO dates and the engine's
// schema first on its search_path; the read pool is read-only and has a statement time limit.

import pg from 'pg';

import { TYPES } from './type-parsers.ts';

export interface PoolSettings {
  url: string;
  schema: string;
  max: number;
  /** Default statement_timeout in milliseconds (0: none). */
  statementTimeoutMs: number;
  readOnly: boolean;
}

/** The `options` startup parameter: settings every session of the engine starts with. */
export function sessionOptions(settings: Omit<PoolSettings, 'url' | 'max'>): string {
  const searchPath = settings.schema === 'public' ? 'public' : `${settings.schema},public`;
  const options = [
    `search_path=${searchPath}`,
    'TimeZone=UTC',
    'DateStyle=ISO',
    `statement_timeout=${Math.max(0, Math.round(settings.statementTimeoutMs))}`,
  ];
  if (settings.readOnly) options.push('default_transaction_read_only=on');
  return options.map((o) => `-c ${o}`).join(' ');
}

export function clientConfig(settings: PoolSettings): pg.ClientConfig {
  return {
    connectionString: settings.url,
    options: sessionOptions(settings),
    application_name: 'datagora',
    types: TYPES,
  };
}

export function createPool(settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(settings), max: settings.max });
  // An idle client that loses its server emits 'error' on the pool: the pool drops that client and
  // the next query gets a fresh one, so there is nothing more to do than not crash.
  pool.on('error', () => undefined);
  return pool;
}
