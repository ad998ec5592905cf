// The store the bench measures, named by one string that every child process takes: a SQLite
// file path, or a PostgreSQL URL whose fragment names the schema
// (`postgres://postgres@127.0.0.1:5432/test#bench_1000000`). The bench keeps one store per row
// count (a file under bench/data/, or a schema of its own) so that `--only …` can reuse it.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import pg from 'pg';

import type { Environment } from '../src/config/load.ts';
import type { StorageEngine } from '../src/storage/engine.ts';
import { openPostgresEngine } from '../src/storage/postgres/index.ts';
import { openSqliteEngine } from '../src/storage/sqlite/index.ts';

export type BenchEngine = 'sqlite' | 'postgres';

export type Store =
  | { engine: 'sqlite'; path: string; home: string }
  | { engine: 'postgres'; url: string; schema: string; home: string };

const root = new URL('..', import.meta.url).pathname;
/** The portal's home (attachments) when the store is PostgreSQL. */
const POSTGRES_HOME = join(root, 'bench', 'data', 'postgres-home');

/** The store spec of `rows` rows on `engine`. */
export function storeSpec(engine: BenchEngine, rows: number, postgresUrl: string): string {
  if (engine === 'sqlite') return join(root, 'bench', 'data', `store-${rows}`, 'bench.sqlite');
  return `${postgresUrl}#bench_${rows}`;
}

export function parseStore(spec: string): Store {
  if (!/^postgres(ql)?:\/\//.test(spec))
    return { engine: 'sqlite', path: spec, home: dirname(spec) };
  const at = spec.lastIndexOf('#');
  if (at < 0) throw new Error(`${spec}: a PostgreSQL store names its schema after '#'`);
  return {
    engine: 'postgres',
    url: spec.slice(0, at),
    schema: spec.slice(at + 1),
    home: POSTGRES_HOME,
  };
}

export interface OpenOptions {
  queryTimeoutMs?: number;
  readers?: number;
}

export async function openStore(spec: string, options: OpenOptions = {}): Promise<StorageEngine> {
  const store = parseStore(spec);
  if (store.engine === 'sqlite') {
    return openSqliteEngine({ path: store.path, ...options });
  }
  mkdirSync(store.home, { recursive: true });
  return openPostgresEngine({
    url: store.url,
    schema: store.schema,
    ...(options.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: options.queryTimeoutMs }),
  });
}

/** The settings of a portal serving this store (given to loadConfig). */
export function storeEnvironment(spec: string): Environment {
  const store = parseStore(spec);
  const env: Environment = { DATAGORA_HOME: store.home, DATAGORA_LOG_LEVEL: 'silent' };
  if (store.engine === 'postgres') {
    env['DATABASE_URL'] = store.url;
    env['DATAGORA_DATABASE_SCHEMA'] = store.schema;
  }
  return env;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Empties the store before an import: removes the file's folder, or drops the schema. */
export async function resetStore(spec: string): Promise<void> {
  const store = parseStore(spec);
  if (store.engine === 'sqlite') {
    rmSync(store.home, { recursive: true, force: true });
    mkdirSync(store.home, { recursive: true });
    return;
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(store.schema)) throw new Error(`bad schema ${store.schema}`);
  await withClient(store.url, (c) => c.query(`DROP SCHEMA IF EXISTS ${store.schema} CASCADE`));
}

/** Whether a previous run left this store with the dataset imported. */
export async function storeHasDataset(spec: string, datasetId: string): Promise<boolean> {
  const store = parseStore(spec);
  if (store.engine === 'sqlite' && !existsSync(store.path)) return false;
  if (store.engine === 'postgres') {
    const found = await withClient(store.url, (c) =>
      c.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [store.schema]),
    );
    if (found.rowCount === 0) return false;
  }
  const engine = await openStore(spec);
  try {
    return (await engine.metadata.getDataset(datasetId))?.current != null;
  } finally {
    await engine.close();
  }
}
