// What the back office's schema editor changes in a dataset's fields: labels, descriptions, their
// translations, the annotations Datagora honours, once changed the type, and the fields' order.
// The edits are kept per dataset (not per version), so that every later import of the dataset
// applies them again; `needsRebuild` says which changes the stored version cannot take in place
// (an order never needs one: columns are read by name).

import type { Annotations, Field, FieldTranslation, FieldType } from './field.ts';
import { hasAnnotation, isTemporal } from './field.ts';

/**
 * The annotations the editor offers, each one read somewhere in the portal: facets (and their
 * sort, multiple selection and hierarchy), the sortable text index, multivalued text, the unit
 * shown beside a label, the decimals the site shows and the precision of dates (the analyze
 * tab's time step).
 */
export const EDITABLE_ANNOTATIONS = [
  'facet',
  'facetsort',
  'disjunctive',
  'sortable',
  'multivalued',
  'hierarchical',
  'unit',
  'decimals',
  'timeserie_precision',
] as const;

/** Annotations that change how a version's values are stored or indexed. */
export const STRUCTURAL_ANNOTATIONS = ['facet', 'sortable', 'multivalued'] as const;

/** Annotations only a text field may carry. */
export const TEXT_ONLY_ANNOTATIONS = ['sortable', 'multivalued', 'hierarchical'] as const;

/** Annotations only a date or a date and time may carry. */
export const DATE_ONLY_ANNOTATIONS = ['timeserie_precision'] as const;

/** Annotations only a decimal number may carry. */
export const DOUBLE_ONLY_ANNOTATIONS = ['decimals'] as const;

export interface FieldEdit {
  label: string;
  description: string | null;
  /** Set once the type was changed in the editor: later imports read the field as this type. */
  type?: FieldType;
  /** The editable annotations the field carries (others the field has are kept). */
  annotations: Annotations;
  /** Label and description by language. */
  translations: Record<string, FieldTranslation>;
}

/** The edits of a dataset's fields. */
export interface SchemaEdits {
  /** By field name. */
  fields: Record<string, FieldEdit>;
  /** The fields' order the editor set (names), absent while never changed. */
  order?: string[];
}

/** Where the order is kept in the stored edits: no field name holds a `$`. */
const ORDER_KEY = '$order';

/** The stored form of the edits: the field edits by name, and the order under `$order`. */
export function schemaEditsToJson(edits: SchemaEdits): Record<string, unknown> {
  return edits.order === undefined
    ? { ...edits.fields }
    : { ...edits.fields, [ORDER_KEY]: edits.order };
}

/** The edits from their stored form (those saved before orders existed have none). */
export function schemaEditsFromJson(json: Record<string, unknown>): SchemaEdits {
  const fields: Record<string, FieldEdit> = {};
  let order: string[] | undefined;
  for (const [key, value] of Object.entries(json)) {
    if (key === ORDER_KEY) order = value as string[];
    else fields[key] = value as FieldEdit;
  }
  return order === undefined ? { fields } : { fields, order };
}

function editableOnly(annotations: Annotations, keep: (name: string) => boolean): Annotations {
  const kept: Annotations = {};
  for (const [name, args] of Object.entries(annotations)) {
    if (keep(name)) kept[name] = [...args];
  }
  return kept;
}

const EDITABLE = new Set<string>(EDITABLE_ANNOTATIONS);
const TEXT_ONLY = new Set<string>(TEXT_ONLY_ANNOTATIONS);
const DATE_ONLY = new Set<string>(DATE_ONLY_ANNOTATIONS);
const DOUBLE_ONLY = new Set<string>(DOUBLE_ONLY_ANNOTATIONS);

/** The edit that describes a field as it is (the editor's starting point). */
export function editOf(field: Field): FieldEdit {
  return {
    label: field.label,
    description: field.description,
    annotations: editableOnly(field.annotations, (name) => EDITABLE.has(name)),
    translations: structuredClone(field.translations ?? {}),
  };
}

/**
 * The field with its edit applied. With `types` (the fields a file's reader converts with), the
 * edited type and the multivalued annotation apply too; without (fields a processor made), the
 * field keeps its type and the way its values are held.
 */
export function applyEdit(field: Field, edit: FieldEdit, types: boolean): Field {
  const type = types && edit.type !== undefined ? edit.type : field.type;
  const annotations = editableOnly(field.annotations, (name) => !EDITABLE.has(name));
  for (const [name, args] of Object.entries(edit.annotations)) {
    if (!EDITABLE.has(name) || (!types && name === 'multivalued')) continue;
    if (type !== 'text' && TEXT_ONLY.has(name)) continue;
    if (!isTemporal({ type }) && DATE_ONLY.has(name)) continue;
    if (type !== 'double' && DOUBLE_ONLY.has(name)) continue;
    annotations[name] = [...args];
  }
  const multivalued = field.annotations['multivalued'];
  if (!types && multivalued !== undefined) annotations['multivalued'] = [...multivalued];
  const edited: Field = {
    ...field,
    label: edit.label,
    description: edit.description,
    type,
    annotations,
  };
  delete edited.translations;
  if (Object.keys(edit.translations).length > 0) {
    edited.translations = structuredClone(edit.translations);
  }
  return edited;
}

/** The fields with the dataset's edits applied (fields without an edit are unchanged). */
export function applySchemaEdits(
  fields: readonly Field[],
  edits: SchemaEdits | null,
  types: boolean,
): Field[] {
  if (edits === null) return [...fields];
  return fields.map((field) => {
    const edit = edits.fields[field.name];
    return edit === undefined ? field : applyEdit(field, edit, types);
  });
}

/**
 * Where each field goes in `order`: the positions of `fields` in their new order. Fields the
 * order names come first, as it says; the others (new in a file) follow in their own order.
 * Identity (0, 1, 2…) without an order.
 */
export function fieldPositions(
  fields: readonly Field[],
  order: readonly string[] | undefined,
): number[] {
  const at = new Map(fields.map((field, i) => [field.name, i]));
  const positions: number[] = [];
  for (const name of order ?? []) {
    const i = at.get(name);
    if (i === undefined) continue;
    positions.push(i);
    at.delete(name);
  }
  positions.push(...at.values());
  return positions;
}

export function isIdentity(positions: readonly number[]): boolean {
  return positions.every((position, i) => position === i);
}

/** Whether `order` names each of `names` once, and nothing else. */
export function isOrderOf(order: readonly string[], names: readonly string[]): boolean {
  return (
    order.length === names.length &&
    new Set(order).size === order.length &&
    order.every((name) => names.includes(name))
  );
}

/** Whether going from `before` to `after` changes the stored values or the indexes. */
export function needsRebuild(before: Field, after: Field): boolean {
  if (before.type !== after.type) return true;
  return STRUCTURAL_ANNOTATIONS.some(
    (name) => hasAnnotation(before, name) !== hasAnnotation(after, name),
  );
}
