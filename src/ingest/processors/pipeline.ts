// compile(configs, inputFields): the output fields of a list of processors and the function
// that applies them, in order, to each record. Everything that can be checked is checked here,
// once (fields, types, ODSQL, formats); applying never throws on a value, it reports it.

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { adminDivisionsStep } from './admin-step.ts';
import { normalizeDateStep } from './date-step.ts';
import { deleteStep, renameStep, retypeStep, setStep, splitStep } from './field-steps.ts';
import { deduplicateStep, skipStep } from './filter-steps.ts';
import { geoPointStep, splitGeoPointStep } from './geo-steps.ts';
import type { IssueSink, Step } from './schema.ts';
import { StepContext, WorkingSchema } from './schema.ts';

export interface PipelineOptions {
  /** Zone of date literals in conditions and expressions, and of normalize_date by default. */
  timeZone?: string;
}

export interface Pipeline {
  /** The fields of the records `apply` returns (names, labels, types, annotations). */
  fields: Field[];
  /**
   * Applies the processors to one record of the input fields (`line` names it in issues); null
   * when a processor drops it. The input array may be reused for the result.
   */
  apply(row: Row, line: number, issues: IssueSink): Row | null;
  /** Records dropped so far (skip and deduplicate). */
  readonly skipped: number;
}

function stepOf(ctx: StepContext, config: ProcessorConfig): Step | null {
  switch (config.type) {
    case 'rename':
      return renameStep(ctx, config);
    case 'retype':
      return retypeStep(ctx, config);
    case 'delete':
      return deleteStep(ctx, config);
    case 'set':
      return setStep(ctx, config);
    case 'split':
      return splitStep(ctx, config);
    case 'geo_point':
      return geoPointStep(ctx, config);
    case 'split_geo_point':
      return splitGeoPointStep(ctx, config);
    case 'normalize_date':
      return normalizeDateStep(ctx, config);
    case 'skip':
      return skipStep(ctx, config);
    case 'deduplicate':
      return deduplicateStep(ctx, config);
    case 'admin_divisions':
      return adminDivisionsStep(ctx, config);
  }
}

/**
 * Compiles processors for records of `inputFields`; throws DG_ERR_PROCESSOR_INVALID naming the
 * processor and option at fault. A pipeline holds the state of one import (deduplication keys):
 * compile one per import.
 */
export function compile(
  configs: readonly ProcessorConfig[],
  inputFields: readonly Field[],
  options: PipelineOptions = {},
): Pipeline {
  const schema = new WorkingSchema(inputFields);
  const timeZone = options.timeZone ?? 'UTC';
  const steps: Step[] = [];
  configs.forEach((config, index) => {
    const step = stepOf(new StepContext(index, config.type, schema, timeZone), config);
    if (step) steps.push(step);
  });
  const fields = schema.fields;
  const slots = schema.entries.map((e) => e.slot);
  const width = slots.length;
  const identity = slots.every((slot, i) => slot === i);
  let skipped = 0;
  const count = steps.length;
  return {
    fields,
    get skipped() {
      return skipped;
    },
    apply(row, line, issues) {
      const cells = row as unknown[];
      for (let i = 0; i < count; i++) {
        if (!(steps[i] as Step)(cells, line, issues)) {
          skipped++;
          return null;
        }
      }
      if (identity) {
        if (cells.length !== width) cells.length = width;
        return cells;
      }
      const out = new Array<unknown>(width);
      for (let i = 0; i < width; i++) out[i] = cells[slots[i] as number] ?? null;
      return out;
    },
  };
}
