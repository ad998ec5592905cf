// The table of one dataset version: its columns, its full-text vector and its indexes.
// Record tables have no foreign key to anything, so they can later be distributed (Citus).

import type { ColumnKind, PhysicalColumn } from '../../core/columns.ts';
import {
  RECORD_ID_COLUMN,
  ROW_NUMBER_COLUMN,
  columnsOf,
  latColumn,
  lonColumn,
  summaryTableName,
} from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import { hasAnnotation } from '../../core/field.ts';
import type { FtsLanguage } from '../../odsql/index.ts';
import { ftsLanguageOf } from '../../odsql/index.ts';
import { postgresFoldedText, postgresFtsVector } from '../../odsql/index.ts';
import { qualified, quoteIdent } from './quote.ts';

/** The full-text vector of a record over its text fields: its words and their stems. */
export const FTS_COLUMN = '_fts';

const SQL_TYPES: Record<ColumnKind, string> = {
  text: 'text',
  text_list: 'text[]',
  integer: 'bigint',
  real: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  json: 'jsonb',
};

const FIELD_NAME_PATTERN = /^[a-z0-9_]+$/;
const MAX_IDENTIFIER_BYTES = 63;
const RESERVED = new Set([ROW_NUMBER_COLUMN, RECORD_ID_COLUMN, FTS_COLUMN]);

export function sqlTypeOf(kind: ColumnKind): string {
  return SQL_TYPES[kind];
}

/** Drops a version's table and its summaries (`version-summaries.ts`). */
export function dropVersionTablesSql(schema: string, table: string): string {
  return `DROP TABLE IF EXISTS ${qualified(schema, summaryTableName(table))}, ${qualified(schema, table)}`;
}

/** The table of a version's summaries: JSON rows by statement key. */
export function createSummarySql(schema: string, table: string): string {
  return `CREATE TABLE ${qualified(schema, summaryTableName(table))} (key text PRIMARY KEY, rows text NOT NULL)`;
}

export function recordTableName(versionId: number): string {
  return `records_${versionId}`;
}

/** Rejects field lists that cannot become columns (bad, reserved, repeated or long names). */
export function checkFields(fields: Field[]): void {
  const seen = new Set<string>();
  for (const field of fields) {
    if (!FIELD_NAME_PATTERN.test(field.name)) {
      throw new Error(`invalid field name "${field.name}": use lowercase letters, digits and _`);
    }
    if (RESERVED.has(field.name)) {
      throw new Error(`the field name "${field.name}" is reserved`);
    }
    if (seen.has(field.name)) throw new Error(`the field "${field.name}" is defined twice`);
    seen.add(field.name);
    for (const column of columnsOf(field)) {
      // PostgreSQL would silently cut longer names, and two columns could end up the same.
      if (Buffer.byteLength(column.name) > MAX_IDENTIFIER_BYTES) {
        throw new Error(`the column "${column.name}" is longer than ${MAX_IDENTIFIER_BYTES} bytes`);
      }
    }
  }
}

/** The physical columns of the fields, in order (without `_rowid`, `_id` and `_fts`). */
export function physicalColumns(fields: Field[]): PhysicalColumn[] {
  return fields.flatMap(columnsOf);
}

/**
 * The immutable expression of `_fts`: the text columns joined by spaces (a list's items too),
 * folded like ODSQL's full-text terms (lowercase, accents removed), as words (`simple`
 * configuration) and as stems in the dataset's language (see odsql's postgres-fts.ts).
 * One to_tsvector call over the joined text costs half as much as one call per column.
 */
export function ftsExpression(
  columns: PhysicalColumn[],
  schema: string,
  language: FtsLanguage,
): string {
  const parts = columns.flatMap((column) => {
    const name = quoteIdent(column.name);
    if (column.kind === 'text') return [`coalesce(${name}, '')`];
    if (column.kind === 'text_list') {
      return [`coalesce(${qualified(schema, 'dg_join_text')}(${name}), '')`];
    }
    return [];
  });
  if (parts.length === 0) return `''::tsvector`;
  return postgresFtsVector(postgresFoldedText(parts.join(` || ' ' || `)), language);
}

/**
 * CREATE TABLE of a version. `_fts` is a stored generated column: PostgreSQL fills it while the
 * rows are copied, which writes each row once (an UPDATE after the load would write it twice).
 * Its stems are in `language`, the dataset's language when the version is loaded.
 */
export function createTableSql(
  schema: string,
  table: string,
  fields: Field[],
  language: FtsLanguage,
): string {
  return `CREATE TABLE ${qualified(schema, table)} (\n  ${columnDefinitions(schema, fields, language)}\n)`;
}

/** A temporary table of the same layout, dropped at the end of the transaction. */
export function createTempTableSql(
  schema: string,
  table: string,
  fields: Field[],
  language: FtsLanguage = ftsLanguageOf(null),
): string {
  return `CREATE TEMP TABLE ${quoteIdent(table)} (${columnDefinitions(schema, fields, language)}) ON COMMIT DROP`;
}

function columnDefinitions(schema: string, fields: Field[], language: FtsLanguage): string {
  const columns = physicalColumns(fields);
  return [
    `${quoteIdent(ROW_NUMBER_COLUMN)} bigint NOT NULL`,
    // Hex digits need no linguistic collation; "C" makes the _id index several times cheaper.
    `${quoteIdent(RECORD_ID_COLUMN)} text COLLATE "C" NOT NULL`,
    ...columns.map((c) => `${quoteIdent(c.name)} ${sqlTypeOf(c.kind)}`),
    `${quoteIdent(FTS_COLUMN)} tsvector GENERATED ALWAYS AS (${ftsExpression(columns, schema, language)}) STORED`,
  ].join(',\n  ');
}

/** The columns COPY fills, in the order the row encoder writes them. */
export function copyColumnList(fields: Field[]): string {
  const names = [
    ROW_NUMBER_COLUMN,
    RECORD_ID_COLUMN,
    ...physicalColumns(fields).map((c) => c.name),
  ];
  return names.map(quoteIdent).join(', ');
}

interface IndexSpec {
  suffix: string;
  method: 'btree' | 'gin';
  columns: string[];
}

function indexSpecs(fields: Field[]): IndexSpec[] {
  const specs: IndexSpec[] = [
    { suffix: 'rowid', method: 'btree', columns: [ROW_NUMBER_COLUMN] },
    { suffix: 'id', method: 'btree', columns: [RECORD_ID_COLUMN] },
    { suffix: 'fts', method: 'gin', columns: [FTS_COLUMN] },
  ];
  fields.forEach((field, position) => {
    const suffix = `f${position}`;
    if (field.type === 'geo_point_2d') {
      specs.push({
        suffix,
        method: 'btree',
        columns: [latColumn(field.name), lonColumn(field.name)],
      });
      return;
    }
    const wanted =
      hasAnnotation(field, 'facet') ||
      field.type === 'date' ||
      field.type === 'datetime' ||
      hasAnnotation(field, 'sortable');
    if (!wanted) return;
    const [column] = columnsOf(field);
    if (!column || column.kind === 'json') return;
    specs.push({
      suffix,
      method: column.kind === 'text_list' ? 'gin' : 'btree',
      columns: [column.name],
    });
  });
  return specs;
}

/** CREATE INDEX statements to run after the load. */
export function createIndexSqls(schema: string, table: string, fields: Field[]): string[] {
  return indexSpecs(fields).map(
    (spec) =>
      `CREATE INDEX ${quoteIdent(`${table}_${spec.suffix}`)} ON ${qualified(schema, table)} ` +
      `USING ${spec.method} (${spec.columns.map(quoteIdent).join(', ')})`,
  );
}
