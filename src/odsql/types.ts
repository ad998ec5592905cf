// Value types the analyzer assigns to expressions.

import type { FieldType } from '../core/field.ts';

/** A field type, or the type of a literal that has no field type. */
export type ValueType = FieldType | 'null' | 'geom' | 'unit' | 'star';

export interface ExprInfo {
  type: ValueType;
  /** A multivalued text field (or an expression passing one through). */
  multivalued: boolean;
  /** The expression contains an aggregate. */
  aggregate: boolean;
}

export function isNumeric(type: ValueType): boolean {
  return type === 'int' || type === 'double' || type === 'null';
}

export function isTemporal(type: ValueType): boolean {
  return type === 'date' || type === 'datetime';
}

/** How a result value of this type is rendered (literal-only types fall back to text/double). */
export function outputType(type: ValueType): FieldType {
  switch (type) {
    case 'null':
    case 'star':
      return 'text';
    case 'geom':
      return 'geo_shape';
    case 'unit':
      return 'double';
    default:
      return type;
  }
}
