// The rules a schema edit must follow, checked by the editor's form (a message next to each part)
// and again by the service (DG_ERR_SCHEMA_INVALID): labels, descriptions, separators, and the
// annotations each type may carry, as the portal reads them.

import { FACET_SORTS } from './facet-tree.ts';
import type { FieldType } from './field.ts';
import { TIMESERIE_PRECISIONS, isFieldType, isTemporal, parseDecimals } from './field.ts';
import type { FieldEdit } from './schema-edits.ts';
import {
  DATE_ONLY_ANNOTATIONS,
  DOUBLE_ONLY_ANNOTATIONS,
  EDITABLE_ANNOTATIONS,
  TEXT_ONLY_ANNOTATIONS,
} from './schema-edits.ts';

/** What the editor asks a field to become: its edit with a type. */
export interface DesiredField extends FieldEdit {
  type: FieldType;
}

export const MAX_LABEL = 200;
export const MAX_FIELD_DESCRIPTION = 2000;
export const MAX_SEPARATOR = 5;
export const MAX_UNIT = 20;

/** Types no facet can be computed on. */
const NOT_FACETS: readonly string[] = ['geo_point_2d', 'geo_shape', 'file'];

export type EditProblemCode =
  | 'required'
  | 'tooLong'
  | 'unknownType'
  | 'textOnly'
  | 'dateOnly'
  | 'doubleOnly'
  | 'unit'
  | 'decimals'
  | 'unknownPrecision'
  | 'separator'
  | 'notFacet'
  | 'unknownSort'
  | 'unknownAnnotation'
  | 'unknownLanguage';

export interface EditProblem {
  /** `label`, `type`, `multivalued`, `translation.en.label`… */
  part: string;
  code: EditProblemCode;
}

function separatorProblem(args: string[] | undefined): boolean {
  const separator = args?.[0];
  return (
    args === undefined ||
    args.length !== 1 ||
    separator === undefined ||
    separator.length === 0 ||
    separator.length > MAX_SEPARATOR ||
    /[\r\n]/.test(separator)
  );
}

function unitProblem(args: string[]): boolean {
  const unit = args[0];
  return (
    args.length !== 1 ||
    unit === undefined ||
    unit.trim() === '' ||
    unit.length > MAX_UNIT ||
    /[\r\n]/.test(unit)
  );
}

function decimalsProblem(args: string[]): boolean {
  return args.length !== 1 || parseDecimals(args[0]!) === undefined;
}

/** The problems of one field's edit, in the order of the form. */
export function fieldEditProblems(edit: DesiredField): EditProblem[] {
  const problems: EditProblem[] = [];
  const add = (part: string, code: EditProblemCode) => problems.push({ part, code });
  if (edit.label.trim() === '') add('label', 'required');
  else if (edit.label.length > MAX_LABEL) add('label', 'tooLong');
  if ((edit.description ?? '').length > MAX_FIELD_DESCRIPTION) add('description', 'tooLong');
  if (!isFieldType(edit.type)) add('type', 'unknownType');
  const annotations = edit.annotations;
  for (const name of Object.keys(annotations)) {
    if (!(EDITABLE_ANNOTATIONS as readonly string[]).includes(name)) add(name, 'unknownAnnotation');
  }
  for (const name of TEXT_ONLY_ANNOTATIONS) {
    if (annotations[name] !== undefined && edit.type !== 'text') add(name, 'textOnly');
  }
  for (const name of ['multivalued', 'hierarchical']) {
    if (annotations[name] !== undefined && separatorProblem(annotations[name])) {
      add(name, 'separator');
    }
  }
  for (const name of DATE_ONLY_ANNOTATIONS) {
    if (annotations[name] !== undefined && !isTemporal(edit)) add(name, 'dateOnly');
  }
  for (const name of DOUBLE_ONLY_ANNOTATIONS) {
    if (annotations[name] !== undefined && edit.type !== 'double') add(name, 'doubleOnly');
  }
  const unit = annotations['unit'];
  if (unit !== undefined && unitProblem(unit)) add('unit', 'unit');
  const decimals = annotations['decimals'];
  if (decimals !== undefined && decimalsProblem(decimals)) add('decimals', 'decimals');
  const precision = annotations['timeserie_precision'];
  if (
    precision !== undefined &&
    (precision.length !== 1 || !(TIMESERIE_PRECISIONS as readonly string[]).includes(precision[0]!))
  ) {
    add('timeserie_precision', 'unknownPrecision');
  }
  if (annotations['facet'] !== undefined && NOT_FACETS.includes(edit.type))
    add('facet', 'notFacet');
  const sort = annotations['facetsort'];
  if (sort !== undefined && !(FACET_SORTS as readonly string[]).includes(sort[0] ?? '')) {
    add('facetsort', 'unknownSort');
  }
  for (const [lang, translation] of Object.entries(edit.translations)) {
    if (!/^[a-z]{2}$/.test(lang)) add(`translation.${lang}`, 'unknownLanguage');
    if ((translation.label ?? '').length > MAX_LABEL) add(`translation.${lang}.label`, 'tooLong');
    if ((translation.description ?? '').length > MAX_FIELD_DESCRIPTION) {
      add(`translation.${lang}.description`, 'tooLong');
    }
  }
  return problems;
}
