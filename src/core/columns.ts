// How a dataset's fields are laid out as table columns, shared by the SQL compiler and the engines.
// Field names are `[a-z0-9_]+`, so the `$` in derived column names can never clash with a field.

import type { Field } from './field.ts';
import { isMultivalued } from './field.ts';

/** Storage kinds; each engine maps them to its own SQL types. */
export type ColumnKind =
  'text' | 'text_list' | 'integer' | 'real' | 'boolean' | 'date' | 'datetime' | 'json';

export interface PhysicalColumn {
  name: string;
  kind: ColumnKind;
}

/** Internal row number: SQLite's rowid alias, a bigint identity on PostgreSQL. */
export const ROW_NUMBER_COLUMN = '_rowid';
/** The record id (ODS `recordid`): a 40-hex SHA-1 of the record's values. */
export const RECORD_ID_COLUMN = '_id';

export function latColumn(fieldName: string): string {
  return `${fieldName}$lat`;
}

export function lonColumn(fieldName: string): string {
  return `${fieldName}$lon`;
}

/** The bounding-box columns of a geo_shape field, in the order xmin, ymin, xmax, ymax. */
export function bboxColumns(fieldName: string): [string, string, string, string] {
  return [`${fieldName}$xmin`, `${fieldName}$ymin`, `${fieldName}$xmax`, `${fieldName}$ymax`];
}

/** The table that holds the full-text index of a dataset version's table. */
export function ftsTableName(table: string): string {
  return `${table}_fts`;
}

/**
 * The table that holds what a version's commit computed once for all (the rows of its
 * unfiltered facet queries), dropped with the version's table.
 */
export function summaryTableName(table: string): string {
  return `${table}_summary`;
}

/** The physical columns that hold one field. */
export function columnsOf(field: Field): PhysicalColumn[] {
  switch (field.type) {
    case 'text':
      return [{ name: field.name, kind: isMultivalued(field) ? 'text_list' : 'text' }];
    case 'int':
      return [{ name: field.name, kind: 'integer' }];
    case 'double':
      return [{ name: field.name, kind: 'real' }];
    case 'boolean':
      return [{ name: field.name, kind: 'boolean' }];
    case 'date':
      return [{ name: field.name, kind: 'date' }];
    case 'datetime':
      return [{ name: field.name, kind: 'datetime' }];
    case 'geo_point_2d':
      return [
        { name: latColumn(field.name), kind: 'real' },
        { name: lonColumn(field.name), kind: 'real' },
      ];
    case 'geo_shape':
      return [
        { name: field.name, kind: 'json' },
        ...bboxColumns(field.name).map((name) => ({ name, kind: 'real' as const })),
      ];
    case 'file':
    case 'json_blob':
      return [{ name: field.name, kind: 'json' }];
  }
}
