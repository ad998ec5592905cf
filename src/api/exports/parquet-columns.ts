// The Parquet export's columns: each output column's Parquet type (strings, INT64, DOUBLE,
// BOOLEAN, TIMESTAMP, WKB geometries for points and shapes, JSON) and the value it takes from a
// raw row; and the file's schema, the same wherever it is built.

import type { ColumnSource, SchemaElement } from 'hyparquet-writer';
import { schemaFromColumnData } from 'hyparquet-writer';

import type { OutputColumn } from '../../odsql/index.ts';
import { renderValue } from '../../records/render.ts';
import { csvCellFormatter } from './csv-values.ts';

type BasicType = NonNullable<ColumnSource['type']>;

export interface ParquetColumn {
  name: string;
  type: BasicType;
  value: (row: readonly unknown[]) => unknown;
}

export function parquetColumn(column: OutputColumn, timezone: string): ParquetColumn {
  const position = column.positions[0] ?? 0;
  const name = column.key;
  if (column.multivalued) {
    const text = csvCellFormatter(column, timezone, ',');
    return { name, type: 'STRING', value: (row) => (row[position] == null ? null : text(row)) };
  }
  switch (column.type) {
    case 'int':
      return {
        name,
        type: 'INT64',
        value: (row) => (row[position] == null ? null : BigInt(Math.trunc(Number(row[position])))),
      };
    case 'double':
      return {
        name,
        type: 'DOUBLE',
        value: (row) => (row[position] == null ? null : Number(row[position])),
      };
    case 'boolean':
      return {
        name,
        type: 'BOOLEAN',
        value: (row) =>
          row[position] == null ? null : row[position] === true || row[position] === 1,
      };
    case 'datetime':
      return {
        name,
        type: 'TIMESTAMP',
        value: (row) => (row[position] == null ? null : new Date(Number(row[position]))),
      };
    case 'geo_point_2d':
    case 'geo_shape':
      return {
        name,
        type: 'GEOMETRY',
        value: (row) => {
          const value = renderValue(row, column, timezone);
          if (value === null || typeof value !== 'object') return null;
          if ('lon' in value && 'lat' in value)
            return { type: 'Point', coordinates: [value.lon, value.lat] };
          return 'geometry' in value ? value.geometry : null;
        },
      };
    case 'json_blob':
    case 'file':
      return { name, type: 'JSON', value: (row) => renderValue(row, column, timezone) };
    default: {
      const text = csvCellFormatter(column, timezone, ',');
      return { name, type: 'STRING', value: (row) => (row[position] == null ? null : text(row)) };
    }
  }
}

/** The schema of the file: one optional column per output column, of its Parquet type. */
export function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return schemaFromColumnData({
    columnData: columns.map((c) => ({ name: c.name, data: [], type: c.type })),
  });
}
