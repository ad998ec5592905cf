// The form of one processor: the parameters of each kind (src/core/processors.ts) as form
// fields, the values a stored processor shows, and the processor a posted form makes. What can
// be said in the visitor's language (a missing value, a badly formed name) is checked here; the
// rest comes back from parseProcessors and the pipeline as their error, next to the option.

import type { Problem } from '../form-fields.tsx';
import { FIELD_TYPES } from '../../core/field.ts';
import type { PortalError } from '../../core/errors.ts';
import type { ProcessorConfig, ProcessorType } from '../../core/processors.ts';
import { ADMIN_OUTPUTS, PROCESSOR_TYPES, isProcessorFieldName } from '../../core/processors.ts';
import type { MessageKey } from '../../i18n/translate.ts';

/**
 * `name`: a field name; `text`: trimmed text; `raw`: text as typed (a separator may be a space);
 * `long`: a text area; `fieldType`, `choice`: a list; `names`: field names separated by commas.
 */
export type ParamKind = 'name' | 'text' | 'raw' | 'long' | 'fieldType' | 'choice' | 'names';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  choices?: readonly string[];
  hint?: MessageKey;
}

const name = (param: string, more: Partial<ParamSpec> = {}): ParamSpec => ({
  name: param,
  kind: 'name',
  hint: 'proc.hint.name',
  ...more,
});

export const PARAMS: Record<ProcessorType, ParamSpec[]> = {
  rename: [
    name('field'),
    name('to'),
    { name: 'label', kind: 'text', optional: true, hint: 'proc.hint.label' },
  ],
  retype: [name('field'), { name: 'to', kind: 'fieldType' }],
  delete: [name('field')],
  set: [
    name('field'),
    { name: 'value', kind: 'raw', optional: true, hint: 'proc.hint.value' },
    { name: 'expression', kind: 'long', optional: true, hint: 'proc.hint.expression' },
    { name: 'fieldType', kind: 'fieldType', optional: true },
    { name: 'label', kind: 'text', optional: true },
  ],
  split: [name('field'), { name: 'separator', kind: 'raw', hint: 'proc.hint.separator' }],
  geo_point: [
    name('latitude'),
    name('longitude'),
    name('to', { optional: true, hint: 'proc.hint.geoTo' }),
  ],
  split_geo_point: [
    name('field'),
    name('latitude', { optional: true, hint: 'proc.hint.splitLatLon' }),
    name('longitude', { optional: true, hint: 'proc.hint.splitLatLon' }),
  ],
  normalize_date: [
    name('field'),
    { name: 'format', kind: 'text', hint: 'proc.hint.format' },
    { name: 'timezone', kind: 'text', optional: true, hint: 'proc.hint.timezone' },
    { name: 'to', kind: 'choice', choices: ['datetime', 'date'] },
  ],
  skip: [{ name: 'where', kind: 'long', hint: 'proc.hint.where' }],
  deduplicate: [{ name: 'fields', kind: 'names', hint: 'proc.hint.fields' }],
  admin_divisions: [
    name('field'),
    { name: 'code', kind: 'choice', choices: ['postal_code', 'insee'] },
    name('communeName', { optional: true, hint: 'proc.hint.communeName' }),
  ],
};

export const FIELD_TYPE_CHOICES: readonly string[] = FIELD_TYPES;

/** The form names of the administrative divisions' outputs: `outputs.reg_name`… */
export const OUTPUT_FIELDS = ADMIN_OUTPUTS.map((output) => `outputs.${output}`);

/** Form name → value as typed. */
export type ProcessorValues = Record<string, string>;
export type ProcessorProblems = Record<string, Problem>;

export function isProcessorType(value: string): value is ProcessorType {
  return (PROCESSOR_TYPES as readonly string[]).includes(value);
}

/** The values of a new processor's form. */
export function emptyValues(type: ProcessorType): ProcessorValues {
  const values: ProcessorValues = {};
  for (const spec of PARAMS[type]) values[spec.name] = spec.choices?.[0] ?? '';
  if (type === 'admin_divisions')
    for (const output of ADMIN_OUTPUTS) values[`outputs.${output}`] = output;
  return values;
}

/** The form's values for a stored processor. */
export function valuesOf(config: ProcessorConfig): ProcessorValues {
  const raw = config as unknown as Record<string, unknown>;
  const values = emptyValues(config.type);
  for (const spec of PARAMS[config.type]) {
    const value = raw[spec.name];
    if (Array.isArray(value)) values[spec.name] = value.join(', ');
    else if (value !== undefined && value !== null) values[spec.name] = String(value);
  }
  // A constant typed in a file (a number, true) keeps its type once it is text in the form.
  if (config.type === 'set' && config.fieldType === undefined) {
    if (typeof config.value === 'boolean') values['fieldType'] = 'boolean';
    if (typeof config.value === 'number') {
      values['fieldType'] = Number.isInteger(config.value) ? 'int' : 'double';
    }
  }
  if (config.type === 'admin_divisions') {
    for (const output of ADMIN_OUTPUTS) {
      const chosen = config.outputs?.[output];
      values[`outputs.${output}`] = chosen === undefined ? output : (chosen ?? '');
    }
  }
  return values;
}

/** The values a form posted for a processor of this type. */
export function valuesFromBody(
  type: ProcessorType,
  body: Record<string, unknown> | undefined,
): ProcessorValues {
  const values = emptyValues(type);
  for (const key of Object.keys(values)) {
    const value = body?.[key];
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The processor the values make, or the problems that keep them from making one. */
export function readProcessor(
  type: ProcessorType,
  values: ProcessorValues,
): { config: Record<string, unknown> | null; problems: ProcessorProblems } {
  const config: Record<string, unknown> = { type };
  const problems: ProcessorProblems = {};
  for (const spec of PARAMS[type]) {
    const typed = values[spec.name] ?? '';
    const value = spec.kind === 'raw' ? typed : typed.trim();
    if (value === '') {
      if (!spec.optional) problems[spec.name] = { key: 'proc.problem.required' };
      continue;
    }
    if (spec.kind === 'names') {
      const names = value.split(/[\s,;]+/).filter(Boolean);
      if (!names.every(isProcessorFieldName))
        problems[spec.name] = { key: 'proc.problem.fieldName' };
      config[spec.name] = names;
    } else {
      if (spec.kind === 'name' && !isProcessorFieldName(value)) {
        problems[spec.name] = { key: 'proc.problem.fieldName' };
      }
      config[spec.name] = value;
    }
  }
  if (type === 'set' && 'value' in config === 'expression' in config) {
    problems['value'] = { key: 'proc.problem.valueOrExpression' };
  }
  if (type === 'admin_divisions') readOutputs(values, config, problems);
  return { config: Object.keys(problems).length > 0 ? null : config, problems };
}

/** Outputs left with their own name are the default; an empty one is left out. */
function readOutputs(
  values: ProcessorValues,
  config: Record<string, unknown>,
  problems: ProcessorProblems,
) {
  const outputs: Record<string, string | null> = {};
  for (const output of ADMIN_OUTPUTS) {
    const value = (values[`outputs.${output}`] ?? '').trim();
    if (value === output) continue;
    if (value !== '' && !isProcessorFieldName(value)) {
      problems[`outputs.${output}`] = { key: 'proc.problem.fieldName' };
    }
    outputs[output] = value === '' ? null : value;
  }
  if (Object.keys(outputs).length > 0) config['outputs'] = outputs;
}

/**
 * Where a DG_ERR_PROCESSOR_INVALID belongs: next to the option of the processor being edited
 * (at `position`, from 1), or above the form when another processor is at fault.
 */
export function placeProcessorError(
  error: PortalError,
  type: ProcessorType,
  position: number,
  kindLabel: (type: string) => string,
): { problems: ProcessorProblems; other: Problem | null } {
  const { option, detail, processor } = error.params;
  const at = Number(error.params['position']);
  const names = [...PARAMS[type].map((spec) => spec.name), 'outputs'];
  if (at === position && typeof option === 'string' && names.includes(option)) {
    const field = option === 'outputs' ? OUTPUT_FIELDS[0]! : option;
    return {
      problems: { [field]: { key: 'proc.problem.detail', params: { detail: String(detail) } } },
      other: null,
    };
  }
  if (at === position) {
    return {
      problems: {},
      other: { key: 'proc.problem.detail', params: { detail: error.message } },
    };
  }
  return {
    problems: {},
    other: {
      key: 'proc.problem.other',
      params: {
        position: at,
        kind: kindLabel(String(processor)),
        detail: `"${String(option)}": ${String(detail)}`,
      },
    },
  };
}
