// A field's label as the site shows it: with its unit (`unit` annotation) in brackets after it,
// "Température (°C)", where the schema editor gave one.

import type { Field } from '../../core/field.ts';
import { fieldUnit } from '../../core/field.ts';

export function labelWithUnit(field: Field): string {
  const unit = fieldUnit(field);
  return unit === undefined ? field.label : `${field.label} (${unit})`;
}
