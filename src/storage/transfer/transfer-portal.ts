// Moves a whole portal from its SQLite file to an empty PostgreSQL store: every metadata table
// (datasets, versions, users, groups, keys, sessions, consents, statistics, settings, texts,
// activity, sources and jobs) and the records of every version whose table is kept, with their
// record ids. One read snapshot on the source, one transaction on the target: the target gets
// the whole portal or nothing, and the source is never written.

import type { Field } from '../../core/field.ts';
import { openPostgresEngine } from '../postgres/index.ts';
import { PostgresPortalLoader } from '../postgres/portal-loader.ts';
import { openSqliteEngine } from '../sqlite/index.ts';
import { SqlitePortalSnapshot } from '../sqlite/portal-snapshot.ts';
import { toPostgresValue } from './postgres-value.ts';

export interface TransferOptions {
  sqlitePath: string;
  url: string;
  /** The target schema (default `public`). */
  schema?: string;
  /** Told each step as it ends, for a progress display. */
  progress?: (line: string) => void;
}

export interface TransferredVersion {
  datasetId: string;
  versionId: number;
  records: number;
}

export type TransferOutcome =
  | { done: true; tables: { name: string; rows: number }[]; versions: TransferredVersion[] }
  | { done: false; reasons: string[] };

interface DeferredUpdate {
  table: string;
  key: string[];
  columns: string[];
  rows: unknown[][];
}

export async function transferPortal(options: TransferOptions): Promise<TransferOutcome> {
  const schema = options.schema ?? 'public';
  const progress = options.progress ?? (() => undefined);
  // Opening each engine brings its schema to the newest migration.
  await (await openSqliteEngine({ path: options.sqlitePath, readers: 1 })).close();
  await (await openPostgresEngine({ url: options.url, schema, poolSize: 1 })).close();
  const snapshot = SqlitePortalSnapshot.open(options.sqlitePath);
  let loader: PostgresPortalLoader | null = null;
  try {
    loader = await PostgresPortalLoader.open(options.url, schema);
    const tables = snapshot.metadataTables();
    const reasons = await refusals(snapshot, loader, tables);
    if (reasons.length > 0) return { done: false, reasons };
    const copied = await copyTables(snapshot, loader, tables, progress);
    const versions = await copyVersions(snapshot, loader, progress);
    await loader.commit();
    return { done: true, tables: copied, versions };
  } finally {
    snapshot.close();
    await loader?.close();
  }
}

async function refusals(
  snapshot: SqlitePortalSnapshot,
  loader: PostgresPortalLoader,
  tables: string[],
): Promise<string[]> {
  const reasons: string[] = [];
  const source = snapshot.schemaVersion();
  const target = await loader.schemaVersion();
  if (source !== target) {
    reasons.push(`the SQLite store is at schema ${source} and PostgreSQL at ${target}`);
  }
  const missing: string[] = [];
  for (const table of tables) {
    if ((await loader.columnTypes(table)).size === 0) missing.push(table);
  }
  if (missing.length > 0) reasons.push(`PostgreSQL has no table ${missing.join(', ')}`);
  const full = await loader.nonEmptyTables(tables.filter((t) => !missing.includes(t)));
  if (full.length > 0) {
    reasons.push(`the PostgreSQL store already holds data (in ${full.join(', ')})`);
  }
  return reasons;
}

async function copyTables(
  snapshot: SqlitePortalSnapshot,
  loader: PostgresPortalLoader,
  tables: string[],
  progress: (line: string) => void,
): Promise<{ name: string; rows: number }[]> {
  const { order, deferred } = await loader.tableOrder(tables);
  const copied: { name: string; rows: number }[] = [];
  const updates: DeferredUpdate[] = [];
  for (const table of order) {
    const types = await loader.columnTypes(table);
    const columns = snapshot.columns(table).filter((c) => types.has(c));
    const later = (deferred.get(table) ?? []).filter((c) => columns.includes(c));
    const key = later.length > 0 ? await loader.primaryKey(table) : [];
    const update: DeferredUpdate = { table, key, columns: later, rows: [] };
    const laterAt = later.map((c) => columns.indexOf(c));
    const keyAt = key.map((c) => columns.indexOf(c));
    const converted = function* () {
      for (const raw of snapshot.rows(table, columns)) {
        const row = raw.map((value, i) => toPostgresValue(value, types.get(columns[i]!)!));
        if (laterAt.length > 0) {
          const values = [...laterAt.map((at) => row[at]), ...keyAt.map((at) => row[at])];
          if (laterAt.some((at) => row[at] !== null)) update.rows.push(values);
          for (const at of laterAt) row[at] = null;
        }
        yield row;
      }
    };
    const rows = await loader.insert(table, columns, converted());
    await loader.advanceSequences(table, columns);
    if (update.rows.length > 0) updates.push(update);
    copied.push({ name: table, rows });
    progress(`${table}: ${rows} rows`);
  }
  for (const update of updates) {
    await loader.update(update.table, update.key, update.columns, update.rows);
  }
  return copied;
}

async function copyVersions(
  snapshot: SqlitePortalSnapshot,
  loader: PostgresPortalLoader,
  progress: (line: string) => void,
): Promise<TransferredVersion[]> {
  const languages = new Map<string, string | null>();
  for (const [id, metas] of snapshot.rows('datasets', ['id', 'metas'])) {
    const language = (JSON.parse(metas as string) as { language?: unknown }).language;
    languages.set(id as string, typeof language === 'string' ? language : null);
  }
  const versions = [
    ...snapshot.rows('dataset_versions', ['id', 'dataset_id', 'table_name', 'fields', 'status']),
  ];
  const done: TransferredVersion[] = [];
  for (const [id, datasetId, table, fields, status] of versions) {
    // Failed and abandoned loads have no table; retired versions past the kept ones neither.
    if ((status !== 'ready' && status !== 'retired') || !snapshot.hasTable(table as string)) {
      continue;
    }
    const parsed = JSON.parse(fields as string) as Field[];
    const records = await loader.loadRecords(
      id as number,
      parsed,
      languages.get(datasetId as string) ?? null,
      snapshot.records(table as string, parsed),
    );
    done.push({ datasetId: datasetId as string, versionId: id as number, records });
    progress(`${datasetId as string}, version ${id as number}: ${records} records`);
  }
  return done;
}
