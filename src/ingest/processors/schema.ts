// The fields as the pipeline goes: each processor sees the fields the ones before it left, and
// each field's value lives in a slot of the working row (the input cells first, then one slot
// per field a processor adds). Renaming or deleting a field moves no value.

import { processorError } from '../../core/processors.ts';
import type { Field } from '../../core/field.ts';

/** Where a processor reports a value it could not convert (IssueLog fits). */
export interface IssueSink {
  add(line: number, field: string | undefined, reason: string): void;
}

/** One processor's work on a record: false drops the record. */
export type Step = (row: unknown[], line: number, issues: IssueSink) => boolean;

export interface SchemaEntry {
  field: Field;
  slot: number;
}

export class WorkingSchema {
  entries: SchemaEntry[];
  slotCount: number;

  constructor(fields: readonly Field[]) {
    this.entries = fields.map((field, slot) => ({ field: { ...field }, slot }));
    this.slotCount = fields.length;
  }

  get fields(): Field[] {
    return this.entries.map((e) => e.field);
  }

  /** Field name → slot, for the ODSQL evaluator. */
  slots(): Map<string, number> {
    return new Map(this.entries.map((e) => [e.field.name, e.slot]));
  }

  find(name: string): SchemaEntry | undefined {
    return this.entries.find((e) => e.field.name === name);
  }

  /** Adds a field at the end, in a new slot. */
  add(field: Field): SchemaEntry {
    const entry = { field, slot: this.slotCount++ };
    this.entries.push(entry);
    return entry;
  }

  remove(entry: SchemaEntry): void {
    this.entries = this.entries.filter((e) => e !== entry);
  }
}

/** What a step builder knows of its processor, to name it in errors. */
export class StepContext {
  constructor(
    readonly index: number,
    readonly type: string,
    readonly schema: WorkingSchema,
    readonly timeZone: string,
  ) {}

  fail(option: string, detail: string): never {
    throw processorError(this.index, this.type, option, detail);
  }

  /** The field named by option `option`, which must exist at this step. */
  existing(option: string, name: string): SchemaEntry {
    const entry = this.schema.find(name);
    if (!entry) this.fail(option, `no field "${name}" at this step`);
    return entry;
  }

  /** Checks that a new field's name is free. */
  free(option: string, name: string): string {
    if (this.schema.find(name)) this.fail(option, `a field "${name}" already exists`);
    return name;
  }
}

/** Shortened for issue messages. */
export function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
