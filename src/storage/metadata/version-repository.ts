// Dataset versions: the rows that say which table holds which load of a dataset, and in what
// state. Synchronous; the engine calls it on its read-write connection.

import type Database from 'better-sqlite3';

import type { DatasetVersion, VersionStatus } from '../../core/dataset.ts';
import type { Field } from '../../core/field.ts';
import { isoNow } from '../../util/iso-now.ts';

export interface VersionRow {
  id: number;
  dataset_id: string;
  table_name: string;
  fields: string;
  status: VersionStatus;
  records_count: number;
  created_at: string;
  committed_at: string | null;
  source: string | null;
  error: string | null;
  owner_pid: number | null;
  created_by: string | null;
}

export function versionFromRow(row: VersionRow): DatasetVersion {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    table: row.table_name,
    fields: JSON.parse(row.fields) as Field[],
    status: row.status,
    recordsCount: row.records_count,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    source: row.source,
    error: row.error,
    createdBy: row.created_by,
  };
}

export class VersionRepository {
  constructor(private readonly db: Database.Database) {}

  get(id: number): DatasetVersion | null {
    const row = this.db.prepare('SELECT * FROM dataset_versions WHERE id = ?').get(id) as
      VersionRow | undefined;
    return row ? versionFromRow(row) : null;
  }

  /** Newest first. */
  listOf(datasetId: string): DatasetVersion[] {
    const rows = this.db
      .prepare('SELECT * FROM dataset_versions WHERE dataset_id = ? ORDER BY id DESC')
      .all(datasetId) as VersionRow[];
    return rows.map(versionFromRow);
  }

  /** Inserts a `loading` version owned by this process; `tableOf` names its table from its id. */
  insertLoading(
    input: { datasetId: string; fields: Field[]; source: string | null; createdBy?: string | null },
    tableOf: (id: number) => string,
  ): DatasetVersion {
    const result = this.db
      .prepare(
        `INSERT INTO dataset_versions
           (dataset_id, table_name, fields, status, created_at, source, owner_pid, created_by)
         VALUES (?, '', ?, 'loading', ?, ?, ?, ?)`,
      )
      .run(
        input.datasetId,
        JSON.stringify(input.fields),
        isoNow(),
        input.source,
        process.pid,
        input.createdBy ?? null,
      );
    const id = Number(result.lastInsertRowid);
    this.db.prepare('UPDATE dataset_versions SET table_name = ? WHERE id = ?').run(tableOf(id), id);
    return this.get(id)!;
  }

  /** The newest version of each dataset, whatever its status. */
  latestOfEach(): DatasetVersion[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM dataset_versions WHERE id IN
           (SELECT max(id) FROM dataset_versions GROUP BY dataset_id)`,
      )
      .all() as VersionRow[];
    return rows.map(versionFromRow);
  }

  /** Retired versions of a dataset older than `beforeId`, newest first. */
  retiredBefore(datasetId: string, beforeId: number): DatasetVersion[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM dataset_versions WHERE dataset_id = ? AND status = 'retired' AND id < ?
         ORDER BY id DESC`,
      )
      .all(datasetId, beforeId) as VersionRow[];
    return rows.map(versionFromRow);
  }

  /** Makes `id` (a retired version) its dataset's current version again, retiring the current. */
  restore(id: number, datasetId: string): void {
    const now = isoNow();
    this.db
      .prepare(
        `UPDATE dataset_versions SET status = 'retired'
         WHERE id = (SELECT current_version_id FROM datasets WHERE id = ?)`,
      )
      .run(datasetId);
    this.db.prepare(`UPDATE dataset_versions SET status = 'ready' WHERE id = ?`).run(id);
    this.db
      .prepare(
        `UPDATE datasets SET current_version_id = ?, data_processed_at = ?, modified_at = ?
         WHERE id = ?`,
      )
      .run(id, now, now, datasetId);
  }

  markFailed(id: number, reason: string): void {
    this.db
      .prepare(
        `UPDATE dataset_versions SET status = 'failed', error = ?, owner_pid = NULL WHERE id = ?`,
      )
      .run(reason, id);
  }

  /** Makes `id` its dataset's current version and retires the previous one. */
  makeCurrent(id: number, recordsCount: number): void {
    const now = isoNow();
    const version = this.db
      .prepare('SELECT dataset_id FROM dataset_versions WHERE id = ?')
      .get(id) as { dataset_id: string };
    this.db
      .prepare(
        `UPDATE dataset_versions SET status = 'retired'
         WHERE id = (SELECT current_version_id FROM datasets WHERE id = ?) AND id <> ?`,
      )
      .run(version.dataset_id, id);
    this.db
      .prepare(
        `UPDATE dataset_versions
         SET status = 'ready', records_count = ?, committed_at = ?, owner_pid = NULL
         WHERE id = ?`,
      )
      .run(recordsCount, now, id);
    this.db
      .prepare(
        `UPDATE datasets SET current_version_id = ?, data_processed_at = ?, modified_at = ?
         WHERE id = ?`,
      )
      .run(id, now, now, version.dataset_id);
  }

  /** Retired versions of a dataset beyond the `keep` most recent, oldest last. */
  retiredBeyond(datasetId: string, keep: number): DatasetVersion[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM dataset_versions WHERE dataset_id = ? AND status = 'retired'
         ORDER BY id DESC LIMIT -1 OFFSET ?`,
      )
      .all(datasetId, keep) as VersionRow[];
    return rows.map(versionFromRow);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM dataset_versions WHERE id = ?').run(id);
  }

  /** Versions still `loading`, with the process that loads them. */
  loading(): { version: DatasetVersion; ownerPid: number | null }[] {
    const rows = this.db
      .prepare(`SELECT * FROM dataset_versions WHERE status = 'loading'`)
      .all() as VersionRow[];
    return rows.map((row) => ({ version: versionFromRow(row), ownerPid: row.owner_pid }));
  }
}
