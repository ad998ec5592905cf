// Processors on one field: rename, retype, delete, set (a constant or an expression), split.

import type { Field, FieldType } from '../../core/field.ts';
import { makeField } from '../../core/field.ts';
import type {
  DeleteProcessor,
  RenameProcessor,
  RetypeProcessor,
  SetProcessor,
  SplitProcessor,
} from '../../core/processors.ts';
import { OdsqlError } from '../../odsql/errors.ts';
import type { RowValue } from '../../odsql/evaluate.ts';
import { compileRowValue } from '../../odsql/evaluate.ts';
import { converterFor, INVALID, INVALID_REASONS } from '../converters.ts';
import { cellText, retyper } from './cell-text.ts';
import type { StepContext, Step } from './schema.ts';
import { shown } from './schema.ts';

/** The field without its list annotation (a retyped or recomputed field holds one value). */
function withType(field: Field, type: FieldType): Field {
  const annotations = { ...field.annotations };
  delete annotations['multivalued'];
  return { ...field, type, annotations };
}

export function renameStep(ctx: StepContext, config: RenameProcessor): null {
  const entry = ctx.existing('field', config.field);
  if (config.to !== config.field) ctx.free('to', config.to);
  entry.field = { ...entry.field, name: config.to, label: config.label ?? entry.field.label };
  return null;
}

export function deleteStep(ctx: StepContext, config: DeleteProcessor): null {
  ctx.schema.remove(ctx.existing('field', config.field));
  return null;
}

export function retypeStep(ctx: StepContext, config: RetypeProcessor): Step | null {
  const entry = ctx.existing('field', config.field);
  const from = entry.field;
  const to = withType(from, config.to);
  entry.field = to;
  if (from.type === to.type && from.annotations['multivalued'] === undefined) return null;
  const convert = retyper(from, to);
  const { slot } = entry;
  const reason = INVALID_REASONS[to.type];
  return (row, line, issues) => {
    const value = row[slot];
    if (value === null || value === undefined) return true;
    const converted = convert(value);
    if (converted === INVALID) {
      row[slot] = null;
      issues.add(line, to.name, `"${shown(cellText(value, from.type))}" is ${reason}`);
    } else {
      row[slot] = converted;
    }
    return true;
  };
}

export function splitStep(ctx: StepContext, config: SplitProcessor): Step {
  const entry = ctx.existing('field', config.field);
  const from = entry.field;
  if (from.type !== 'text') ctx.fail('field', `"${from.name}" is not a text field`);
  if (from.annotations['multivalued']) ctx.fail('field', `"${from.name}" is already multivalued`);
  const to: Field = {
    ...from,
    annotations: { ...from.annotations, multivalued: [config.separator] },
  };
  entry.field = to;
  const split = converterFor(to);
  const { slot } = entry;
  return (row) => {
    const value = row[slot];
    if (typeof value === 'string') row[slot] = split(value);
    return true;
  };
}

function constantType(value: SetProcessor['value']): FieldType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'int' : 'double';
  return 'text';
}

/** The slot a set processor writes: the field's own, or a new one at the end. */
function target(ctx: StepContext, config: SetProcessor, type: FieldType, multivalued: boolean) {
  const existing = ctx.schema.find(config.field);
  const base = existing?.field ?? makeField(config.field, type);
  let field = withType(base, type);
  if (multivalued) field = { ...field, annotations: { ...field.annotations, multivalued: [','] } };
  if (config.label !== undefined) field = { ...field, label: config.label };
  if (existing) {
    existing.field = field;
    return existing;
  }
  return ctx.schema.add(field);
}

function constantStep(ctx: StepContext, config: SetProcessor): Step {
  const own = constantType(config.value);
  const type = config.fieldType ?? own;
  let value: unknown = config.value ?? null;
  if (value !== null && type !== own) {
    const converted = converterFor(makeField(config.field, type))(String(value));
    if (converted === INVALID) ctx.fail('value', `"${String(value)}" is ${INVALID_REASONS[type]}`);
    value = converted;
  }
  const { slot } = target(ctx, config, type, false);
  return (row) => {
    row[slot] = value;
    return true;
  };
}

function compileValue(ctx: StepContext, expression: string): RowValue {
  try {
    return compileRowValue(expression, {
      fields: ctx.schema.fields,
      slots: ctx.schema.slots(),
      timeZone: ctx.timeZone,
    });
  } catch (error) {
    if (error instanceof OdsqlError) ctx.fail('expression', error.detail);
    throw error;
  }
}

export function setStep(ctx: StepContext, config: SetProcessor): Step {
  if (config.expression === undefined) return constantStep(ctx, config);
  const value = compileValue(ctx, config.expression);
  const own = value.type as FieldType;
  const type = config.fieldType ?? own;
  const multivalued = value.multivalued && type === 'text';
  const entry = target(ctx, config, type, multivalued);
  const { slot } = entry;
  const evaluate = value.evaluate;
  if (type === own || value.multivalued) {
    return (row) => {
      row[slot] = evaluate(row) ?? null;
      return true;
    };
  }
  const convert = retyper(makeField('value', own), entry.field);
  const reason = INVALID_REASONS[type];
  return (row, line, issues) => {
    const computed = evaluate(row);
    const converted = computed === null || computed === undefined ? null : convert(computed);
    if (converted === INVALID) {
      row[slot] = null;
      issues.add(line, entry.field.name, `"${shown(cellText(computed, own))}" is ${reason}`);
    } else {
      row[slot] = converted;
    }
    return true;
  };
}
