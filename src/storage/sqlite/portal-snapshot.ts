// A read-only, consistent view of a whole SQLite store, for moving a portal to another engine:
// the metadata tables as raw rows, and each kept version's records as typed cells with their ids.
// Everything is read inside one read transaction, so a portal that keeps serving meanwhile is
// still copied as it was at one instant.

import Database from 'better-sqlite3';

import type { CellValue, Row } from '../../core/cell.ts';
import { RECORD_ID_COLUMN, ROW_NUMBER_COLUMN, columnsOf } from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import { quoteName } from './quote.ts';

/**
 * Tables that belong to the engine itself, never to the portal's metadata (the metadata
 * generation is SQLite's own cache counter: migration 12).
 */
const ENGINE_TABLE = /^(sqlite_|schema_migrations$|metadata_generation$|records_\d+)/;

/** One batch of a version's records: ids and typed cells, in row id order. */
export interface RecordBatch {
  ids: string[];
  rows: Row[];
}

export class SqlitePortalSnapshot {
  private constructor(private readonly db: Database.Database) {}

  /** Opens the file read-only and starts the read transaction every read then shares. */
  static open(path: string): SqlitePortalSnapshot {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.exec('BEGIN');
    // A deferred transaction takes its snapshot at its first read.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return new SqlitePortalSnapshot(db);
  }

  /** The highest schema migration applied. */
  schemaVersion(): number {
    const row = this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  /** The portal's metadata tables (not the records tables nor their full-text indexes). */
  metadataTables(): string[] {
    const names = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    return names.filter((name) => !ENGINE_TABLE.test(name));
  }

  hasTable(name: string): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
        .pluck()
        .get(name) !== undefined
    );
  }

  columns(table: string): string[] {
    const info = this.db.prepare(`PRAGMA table_info(${quoteName(table)})`).all() as {
      name: string;
    }[];
    return info.map((c) => c.name);
  }

  countRows(table: string): number {
    return this.db
      .prepare(`SELECT count(*) FROM ${quoteName(table)}`)
      .pluck()
      .get() as number;
  }

  /** The rows of a metadata table as arrays of raw values, `columns` in that order. */
  rows(table: string, columns: string[]): IterableIterator<unknown[]> {
    const list = columns.map(quoteName).join(', ');
    return this.db
      .prepare(`SELECT ${list} FROM ${quoteName(table)}`)
      .raw(true)
      .iterate() as IterableIterator<unknown[]>;
  }

  /** The records of a version's table, decoded to the typed cells `append` takes. */
  *records(table: string, fields: Field[], batchSize = 2000): Generator<RecordBatch> {
    const columns = [RECORD_ID_COLUMN, ...fields.flatMap(columnsOf).map((c) => c.name)];
    const statement = this.db
      .prepare(
        `SELECT ${columns.map(quoteName).join(', ')} FROM ${quoteName(table)} ` +
          `ORDER BY ${quoteName(ROW_NUMBER_COLUMN)}`,
      )
      .raw(true);
    const decoders = fields.map(cellDecoder);
    const widths = fields.map((field) => columnsOf(field).length);
    let batch: RecordBatch = { ids: [], rows: [] };
    for (const raw of statement.iterate() as IterableIterator<unknown[]>) {
      batch.ids.push(raw[0] as string);
      const row: Row = new Array<CellValue>(fields.length);
      let at = 1;
      for (let i = 0; i < decoders.length; i++) {
        row[i] = decoders[i]!(raw, at);
        at += widths[i]!;
      }
      batch.rows.push(row);
      if (batch.ids.length === batchSize) {
        yield batch;
        batch = { ids: [], rows: [] };
      }
    }
    if (batch.ids.length > 0) yield batch;
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}

/** Reads one field's cell from its physical columns, the first at `raw[at]`. */
type CellDecoder = (raw: unknown[], at: number) => CellValue;

const parsed = (value: unknown): unknown => (value === null ? null : JSON.parse(value as string));

function cellDecoder(field: Field): CellDecoder {
  switch (field.type) {
    case 'text':
      return isMultivalued(field) ? (raw, at) => parsed(raw[at]) : (raw, at) => raw[at];
    case 'int':
    case 'double':
    case 'datetime':
    case 'date':
      return (raw, at) => raw[at] ?? null;
    case 'boolean':
      return (raw, at) => (raw[at] === null ? null : raw[at] === 1);
    case 'geo_point_2d':
      return (raw, at) => {
        const lat = raw[at] as number | null;
        const lon = raw[at + 1] as number | null;
        return lat === null || lon === null ? null : { lat, lon };
      };
    case 'geo_shape':
      // The geometry; its bounding box columns follow, which the target computes again.
      return (raw, at) => parsed(raw[at]);
    case 'file':
    case 'json_blob':
      return (raw, at) => parsed(raw[at]);
  }
}
