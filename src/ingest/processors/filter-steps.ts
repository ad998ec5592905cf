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

export function deduplicateStep(ctx: StepContext, config: DeduplicateProcessor): Step {
  const slots = config.fields.map((name) => ctx.existing('fields', name).slot);
  // One pipeline runs one import: the keys seen so far live as long as it does. A key is the
  // JSON of the values: one flat string (concatenations keep their pieces: almost four times the
  // memory), and `1`, `"1"` and `null` stay apart.
  const seen = new Set<string>();
  const values: unknown[] = slots.map(() => null);
  return (row) => {
    for (let i = 0; i < slots.length; i++) values[i] = row[slots[i] as number] ?? null;
    const key = JSON.stringify(values);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
