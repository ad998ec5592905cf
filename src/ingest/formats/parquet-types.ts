// Parquet's column types as ODS field types. Text columns are left to inference (our own
// exports write dates, points and lists as text); geometries become geo_point_2d or geo_shape
// from their values.

import type { SchemaTree } from 'hyparquet';

import type { FieldType } from '../../core/field.ts';

/** The ODS type a top-level column declares, or undefined to infer it from the values. */
export function declaredType(column: SchemaTree): FieldType | undefined {
  const { type, converted_type: converted, logical_type: logical } = column.element;
  if (column.children.length > 0) {
    // A LIST of scalars reads as an array (multivalued text, inferred); structs and maps as JSON.
    return converted === 'LIST' || logical?.type === 'LIST' ? undefined : 'json_blob';
  }
  const logicalType = logical?.type;
  if (logicalType === 'GEOMETRY' || logicalType === 'GEOGRAPHY') return undefined;
  if (logicalType === 'JSON' || converted === 'JSON') return 'json_blob';
  if (logicalType === 'DATE' || converted === 'DATE') return 'date';
  if (
    logicalType === 'TIMESTAMP' ||
    converted === 'TIMESTAMP_MILLIS' ||
    converted === 'TIMESTAMP_MICROS' ||
    type === 'INT96'
  ) {
    return 'datetime';
  }
  if (logicalType === 'DECIMAL' || converted === 'DECIMAL') return 'double';
  switch (type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
      return 'int';
    case 'FLOAT':
    case 'DOUBLE':
      return 'double';
    default:
      return undefined;
  }
}
