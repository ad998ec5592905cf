// The schema editor's form: for each field of the current version, its label, description, type,
// options (facet, multiple choice, sortable), facet order, separators, unit, decimals, precision
// of dates and translations, and the fields' order. Values travel as typed text under
// `f.<field>.<part>`, the order as the names joined by commas under `order` (names hold no
// comma), moved one step by a `move` button (`up:<field>`, `down:<field>`); reading the form
// checks each field with the rules the service applies (core/schema-edit-check.ts) and puts
// each problem by its control.

import type { Annotations, Field, FieldTranslation } from '../core/field.ts';
import type { DesiredField, EditProblem } from '../core/schema-edit-check.ts';
import { fieldEditProblems } from '../core/schema-edit-check.ts';
import { isOrderOf } from '../core/schema-edits.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { Problem } from './form-fields.tsx';
import { formField, formList } from './form-fields.tsx';

/** Form names: `f.<field>.label`, `f.<field>.tr.en.label`… (values as typed). */
export type SchemaValues = Record<string, string>;
export type SchemaFlags = Record<string, string[]>;
export type SchemaProblems = Record<string, Problem>;

export const FLAGS = ['facet', 'disjunctive', 'sortable'] as const;

export interface SchemaForm {
  values: SchemaValues;
  /** The options ticked, by field. */
  flags: SchemaFlags;
  /** The fields' names in the order the form shows and saves. */
  order: string[];
}

/** The typed parts of a field (besides its options and translations). */
const PARTS = [
  'label',
  'description',
  'type',
  'facetsort',
  'multivalued',
  'hierarchical',
  'unit',
  'decimals',
  'timeserie_precision',
];

export function controlName(field: string, part: string): string {
  return `f.${field}.${part}`;
}

function firstArg(annotations: Annotations, name: string): string {
  return annotations[name]?.[0] ?? '';
}

/** The form as the stored fields fill it. */
export function schemaFormOf(fields: readonly Field[], languages: readonly string[]): SchemaForm {
  const values: SchemaValues = {};
  const flags: SchemaFlags = {};
  for (const field of fields) {
    const name = (part: string) => controlName(field.name, part);
    values[name('label')] = field.label;
    values[name('description')] = field.description ?? '';
    values[name('type')] = field.type;
    values[name('facetsort')] = firstArg(field.annotations, 'facetsort');
    values[name('multivalued')] = field.annotations['multivalued']
      ? (field.annotations['multivalued'][0] ?? ',')
      : '';
    values[name('hierarchical')] = firstArg(field.annotations, 'hierarchical');
    values[name('unit')] = firstArg(field.annotations, 'unit');
    values[name('decimals')] = firstArg(field.annotations, 'decimals');
    values[name('timeserie_precision')] = firstArg(field.annotations, 'timeserie_precision');
    for (const lang of languages) {
      const translation = field.translations?.[lang] ?? {};
      values[name(`tr.${lang}.label`)] = translation.label ?? '';
      values[name(`tr.${lang}.description`)] = translation.description ?? '';
    }
    flags[field.name] = FLAGS.filter((flag) => field.annotations[flag] !== undefined);
  }
  return { values, flags, order: fields.map((f) => f.name) };
}

/** The order posted, or the fields' own when it does not name each of them once. */
function postedOrder(
  body: Record<string, unknown> | undefined,
  fields: readonly Field[],
): string[] {
  const names = fields.map((f) => f.name);
  const order = formField(body, 'order').split(',');
  return isOrderOf(order, names) ? order : names;
}

/** The order with one field moved a step (`up:<field>`, `down:<field>`); null when it cannot. */
export function movedOrder(order: readonly string[], move: string): string[] | null {
  const parsed = /^(up|down):([a-z0-9_]+)$/.exec(move);
  if (!parsed) return null;
  const from = order.indexOf(parsed[2]!);
  const to = parsed[1] === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return null;
  const moved = [...order];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** The form as posted, for the fields of the current version (anything else is ignored). */
export function schemaFormFromBody(
  body: Record<string, unknown> | undefined,
  fields: readonly Field[],
  languages: readonly string[],
): SchemaForm {
  const values: SchemaValues = {};
  const flags: SchemaFlags = {};
  for (const field of fields) {
    const parts = [...PARTS];
    for (const lang of languages) parts.push(`tr.${lang}.label`, `tr.${lang}.description`);
    for (const part of parts) {
      const name = controlName(field.name, part);
      values[name] = formField(body, name);
    }
    const ticked = formList(body, controlName(field.name, 'flags'));
    flags[field.name] = FLAGS.filter((flag) => ticked.includes(flag));
  }
  return { values, flags, order: postedOrder(body, fields) };
}

/** Where a problem of the shared rules shows: the control of its part. */
function problemControl(field: string, part: string): string {
  if ((FLAGS as readonly string[]).includes(part)) return controlName(field, 'flags');
  const translation = /^translation\.([a-z]{2})\.(label|description)$/.exec(part);
  if (translation) return controlName(field, `tr.${translation[1]}.${translation[2]}`);
  return controlName(field, part);
}

function problemOf(problem: EditProblem): Problem {
  return { key: `schema.problem.${problem.code}` as MessageKey };
}

/** What the form asks each field to become, and the problems by control name. */
export function readSchemaForm(
  form: SchemaForm,
  fields: readonly Field[],
  languages: readonly string[],
): { desired: Record<string, DesiredField>; problems: SchemaProblems } {
  const desired: Record<string, DesiredField> = {};
  const problems: SchemaProblems = {};
  for (const field of fields) {
    // Browsers send a text area's line breaks as CRLF; stored texts have LF.
    const value = (part: string) =>
      (form.values[controlName(field.name, part)] ?? '').replace(/\r\n?/g, '\n');
    const annotations: Annotations = {};
    for (const flag of form.flags[field.name] ?? []) annotations[flag] = [];
    const sort = value('facetsort');
    if (sort !== '') annotations['facetsort'] = [sort];
    // Separators are kept as typed (a space may be one); an empty box means none.
    const multivalued = value('multivalued');
    if (multivalued !== '') annotations['multivalued'] = [multivalued];
    const hierarchical = value('hierarchical');
    if (hierarchical !== '') annotations['hierarchical'] = [hierarchical];
    // A unit is shown as typed, without the spaces around it.
    const unit = value('unit').trim();
    if (unit !== '') annotations['unit'] = [unit];
    const decimals = value('decimals').trim();
    if (decimals !== '') annotations['decimals'] = [decimals];
    const precision = value('timeserie_precision');
    if (precision !== '') annotations['timeserie_precision'] = [precision];
    const translations: Record<string, FieldTranslation> = {};
    for (const lang of languages) {
      const label = value(`tr.${lang}.label`).trim();
      const description = value(`tr.${lang}.description`).trim();
      if (label === '' && description === '') continue;
      translations[lang] = {
        ...(label === '' ? {} : { label }),
        ...(description === '' ? {} : { description }),
      };
    }
    // Kept as typed (a stored label may end with a space), blank meaning none.
    const description = value('description');
    const edit: DesiredField = {
      label: value('label'),
      description: description.trim() === '' ? null : description,
      type: value('type') as DesiredField['type'],
      annotations,
      translations,
    };
    desired[field.name] = edit;
    for (const problem of fieldEditProblems(edit)) {
      const control = problemControl(field.name, problem.part);
      problems[control] ??= problemOf(problem);
    }
  }
  return { desired, problems };
}
