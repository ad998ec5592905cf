// Processors that drop records: skip (an ODSQL condition) and deduplicate (the first record of
// each key is kept). Dropped records are counted, not reported one by one.

import type { DeduplicateProcessor, SkipProcessor } from '../../core/processors.ts';
import { OdsqlError } from '../../odsql/errors.ts';
import { compileRowCondition } from '../../odsql/evaluate.ts';
import type { Step, StepContext } from './schema.ts';

export function skipStep(ctx: StepContext, config: SkipProcessor): Step {
  let matches: (row: readonly unknown[]) => boolean;
  try {
    matches = compileRowCondition(config.where, {
      fields: ctx.schema.fields,
      slots: ctx.schema.slots(),
      timeZone: ctx.timeZone,
    });
  } catch (error) {
    if (error instanceof OdsqlError) ctx.fail('where', error.detail);
    throw error;
  }
  return (row) => !matches(row);
}

/** A key that tells values of any cell type apart (`1` from `"1"`, null from `"null"`). */
function keyPart(value: unknown): string {
  if (value === null || value === undefined) return '\u0000';
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'n' : 'b'}${String(value)}`;
  return `j${JSON.stringify(value)}`;
}

export function deduplicateStep(ctx: StepContext, config: DeduplicateProcessor): Step {
  const slots = config.fields.map((name) => ctx.existing('fields', name).slot);
  // One pipeline runs one import: the keys seen so far live as long as it does.
  const seen = new Set<string>();
  if (slots.length === 1) {
    const slot = slots[0] as number;
    return (row) => {
      const key = keyPart(row[slot]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
  }
  return (row) => {
    let key = '';
    for (const slot of slots) {
      const part = keyPart(row[slot]);
      key += `${part.length}:${part}`;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
