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

/** The steps of a date field's values (`timeserie_precision`), coarsest first. */
export const TIMESERIE_PRECISIONS = ['year', 'month', 'day', 'hour', 'minute'] as const;

export type TimeseriePrecision = (typeof TIMESERIE_PRECISIONS)[number];

export function isTemporal(field: Pick<Field, 'type'>): boolean {
  return field.type === 'date' || field.type === 'datetime';
}

/** The unit of a field's values (`unit`, "°C", "€"), or undefined. */
export function fieldUnit(field: Field): string | undefined {
  const unit = field.annotations['unit']?.[0];
  return unit === undefined || unit === '' ? undefined : unit;
}

/** Most decimals the site may show (`decimals`): a double holds about 15 significant digits. */
export const MAX_DECIMALS = 10;

/** A `decimals` annotation's argument as a count (0 to MAX_DECIMALS), or undefined. */
export function parseDecimals(text: string): number | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const decimals = Number(text);
  return decimals <= MAX_DECIMALS ? decimals : undefined;
}

/** How many decimals the site shows of a decimal field's values (`decimals`), or undefined. */
export function fieldDecimals(field: Pick<Field, 'type' | 'annotations'>): number | undefined {
  if (field.type !== 'double') return undefined;
  return parseDecimals(field.annotations['decimals']?.[0] ?? '');
}

/** How precise a date field's values are (`timeserie_precision`), or undefined. */
export function timeseriePrecision(field: Field): TimeseriePrecision | undefined {
  if (!isTemporal(field)) return undefined;
  const value = field.annotations['timeserie_precision']?.[0];
  return (TIMESERIE_PRECISIONS as readonly string[]).includes(value ?? '')
    ? (value as TimeseriePrecision)
    : undefined;
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
