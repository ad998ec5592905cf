// The SQL of a dataset version's records table: columns, indexes and the full-text index.

import type { ColumnKind, PhysicalColumn } from '../../core/columns.ts';
import {
  RECORD_ID_COLUMN,
  ROW_NUMBER_COLUMN,
  columnsOf,
  ftsTableName,
  latColumn,
  lonColumn,
  summaryTableName,
} from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import { hasAnnotation } from '../../core/field.ts';
import { quoteName, quoteText } from './quote.ts';

const SQL_TYPES: Record<ColumnKind, string> = {
  text: 'TEXT',
  text_list: 'TEXT',
  integer: 'INTEGER',
  real: 'REAL',
  boolean: 'INTEGER',
  date: 'TEXT',
  datetime: 'INTEGER',
  json: 'TEXT',
};

export function recordTableName(versionId: number): string {
  return `records_${versionId}`;
}

/** The physical columns of all fields, in field order (without `_rowid` and `_id`). */
export function dataColumns(fields: Field[]): PhysicalColumn[] {
  return fields.flatMap(columnsOf);
}

export function createTableSql(table: string, fields: Field[]): string {
  const columns = [
    `${quoteName(ROW_NUMBER_COLUMN)} INTEGER PRIMARY KEY`,
    `${quoteName(RECORD_ID_COLUMN)} TEXT NOT NULL`,
    ...dataColumns(fields).map((c) => `${quoteName(c.name)} ${SQL_TYPES[c.kind]}`),
  ];
  return `CREATE TABLE ${quoteName(table)} (${columns.join(', ')})`;
}

/** An INSERT of `rows` records at once (one placeholder per column per record). */
export function insertSql(table: string, fields: Field[], rows: number): string {
  const names = [RECORD_ID_COLUMN, ...dataColumns(fields).map((c) => c.name)];
  const tuple = `(${names.map(() => '?').join(', ')})`;
  const values = Array.from({ length: rows }, () => tuple).join(', ');
  return `INSERT INTO ${quoteName(table)} (${names.map(quoteName).join(', ')}) VALUES ${values}`;
}

const INDEXED_TYPES = new Set<Field['type']>([
  'text',
  'int',
  'double',
  'boolean',
  'date',
  'datetime',
]);

/** The column lists to index: `_id`, facets, sortables, dates and geo points (lat, lon). */
export function indexedColumns(fields: Field[]): string[][] {
  const indexes: string[][] = [[RECORD_ID_COLUMN]];
  for (const field of fields) {
    if (field.type === 'geo_point_2d') {
      indexes.push([latColumn(field.name), lonColumn(field.name)]);
      continue;
    }
    if (!INDEXED_TYPES.has(field.type)) continue;
    const wanted =
      field.type === 'date' ||
      field.type === 'datetime' ||
      hasAnnotation(field, 'facet') ||
      hasAnnotation(field, 'sortable');
    if (wanted) indexes.push([field.name]);
  }
  return indexes;
}

export function createIndexSqls(table: string, fields: Field[]): string[] {
  return indexedColumns(fields).map(
    (columns, n) =>
      `CREATE INDEX ${quoteName(`${table}_ix${n}`)} ON ${quoteName(table)} ` +
      `(${columns.map(quoteName).join(', ')})`,
  );
}

/** The fields the full-text index covers: every text field, multivalued ones included. */
export function searchableFields(fields: Field[]): Field[] {
  return fields.filter((f) => f.type === 'text');
}

/**
 * The terms FTS5 gathers in memory before writing them as a new segment (1 MiB by default): each
 * load step of 50,000 records then writes a few large segments instead of many small ones that
 * its automatic merges write again. Measured on 200,000 generated records: 10 to 15 % less CPU
 * for the index; about 16 MiB more memory while loading.
 */
const FTS_HASH_BYTES = 16 * 1024 * 1024;

/**
 * The FTS5 external-content index of `table`, or null when the table has no text field (then no
 * `<table>_fts` exists). It is filled by `ftsInsertSql`, range by range, as records are loaded.
 * Its statement also sets the size of FTS5's in-memory term buffer (FTS_HASH_BYTES).
 * Word positions are kept (`detail=full`): a query word that FTS5's tokenizer splits in two
 * (its Unicode tables are older than JavaScript's: U+19B0 is a letter to one and a separator
 * to the other) becomes a phrase, which `detail=column` would refuse. Without positions the
 * index costs about a third less to build; a query compiler that splits words exactly as FTS5
 * does would be needed first.
 */
export function createFtsSql(table: string, fields: Field[]): string | null {
  const searchable = searchableFields(fields);
  if (searchable.length === 0) return null;
  const columns = searchable.map((f) => quoteName(f.name)).join(', ');
  const fts = quoteName(ftsTableName(table));
  return (
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${columns}, ` +
    `content=${quoteText(table)}, content_rowid=${quoteText(ROW_NUMBER_COLUMN)}, ` +
    `tokenize=${quoteText('unicode61 remove_diacritics 2')}); ` +
    `INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`
  );
}

/** Indexes the records of `table` whose `_rowid` is in (?, ?]; null without a full-text index. */
export function ftsInsertSql(table: string, fields: Field[]): string | null {
  const searchable = searchableFields(fields);
  if (searchable.length === 0) return null;
  const columns = searchable.map((f) => quoteName(f.name)).join(', ');
  const rowid = quoteName(ROW_NUMBER_COLUMN);
  return (
    `INSERT INTO ${quoteName(ftsTableName(table))} (rowid, ${columns}) ` +
    `SELECT ${rowid}, ${columns} FROM ${quoteName(table)} WHERE ${rowid} > ? AND ${rowid} <= ?`
  );
}

/** The table of a version's summaries (`version-summaries.ts`): JSON rows by statement key. */
export function createSummarySql(table: string): string {
  return `CREATE TABLE ${quoteName(summaryTableName(table))} (key TEXT PRIMARY KEY, rows TEXT NOT NULL)`;
}

/** Drops a version's table, its full-text index and its summaries (indexes go with the table). */
export function dropTableSqls(table: string): string[] {
  return [
    `DROP TABLE IF EXISTS ${quoteName(summaryTableName(table))}`,
    `DROP TABLE IF EXISTS ${quoteName(ftsTableName(table))}`,
    `DROP TABLE IF EXISTS ${quoteName(table)}`,
  ];
}
