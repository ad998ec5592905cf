// Field types and annotations, as the Opendatasoft Explore API names them.

export const FIELD_TYPES = [
  'text',
  'int',
  'double',
  'boolean',
  'date',
  'datetime',
  'geo_point_2d',
  'geo_shape',
  'file',
  'json_blob',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Annotations in the v2.1 shape: annotation name → its arguments (`{"multivalued": [","]}`). */
export type Annotations = Record<string, string[]>;

/** A field's label and description in another language (`lang` of the API), where written. */
export interface FieldTranslation {
  label?: string;
  description?: string;
}

export interface Field {
  /** Technical name: lowercase ASCII letters, digits and `_`. */
  name: string;
  /** Human label, the original column header. */
  label: string;
  type: FieldType;
  description: string | null;
  annotations: Annotations;
  /** Label and description by language code (`en`, `fr`), written in the schema editor. */
  translations?: Record<string, FieldTranslation>;
}

export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}

/** The separator of a multivalued text field, or undefined when the field holds one value. */
export function multivaluedSeparator(field: Field): string | undefined {
  const args = field.annotations['multivalued'];
  if (!args) return undefined;
  return args[0] ?? ',';
}

export function isMultivalued(field: Field): boolean {
  return field.annotations['multivalued'] !== undefined;
}

export function hasAnnotation(field: Field, name: string): boolean {
  return field.annotations[name] !== undefined;
}

/** Numbers, dates and text annotated `sortable` can be sorted on (ODS rule). */
export function isSortable(field: Field): boolean {
  switch (field.type) {
    case 'int':
    case 'double':
    case 'date':
    case 'datetime':
    case 'boolean':
      return true;
    case 'text':
      return hasAnnotation(field, 'sortable');
    default:
      return false;
  }
}

/** A field labelled with its own name and without description (schemas built in code). */
export function makeField(name: string, type: FieldType, annotations: Annotations = {}): Field {
  return { name, label: name, type, description: null, annotations };
}
