// admin_divisions: adds (or refreshes) commune, department and region codes and names.

import { makeField } from '../../core/field.ts';
import type { AdminDivisionsProcessor, AdminOutput } from '../../core/processors.ts';
import { ADMIN_OUTPUTS } from '../../core/processors.ts';
import type { Division } from './admin-divisions.ts';
import {
  adminIndex,
  divisionOfInsee,
  divisionOfPostalCode,
  normalizeCode,
} from './admin-divisions.ts';
import type { Step, StepContext } from './schema.ts';
import { shown } from './schema.ts';

const CACHE_LIMIT = 100_000;

function textSource(ctx: StepContext, option: string, name: string): number {
  const entry = ctx.existing(option, name);
  const { type, annotations } = entry.field;
  if ((type !== 'text' && type !== 'int') || annotations['multivalued']) {
    ctx.fail(option, `"${name}" must be a single text or integer field`);
  }
  return entry.slot;
}

/** Output fields in Alim'confiance's order; an existing field of that name is overwritten. */
function outputs(ctx: StepContext, config: AdminDivisionsProcessor): [AdminOutput, number][] {
  const slots: [AdminOutput, number][] = [];
  const names = new Set<string>();
  for (const output of ADMIN_OUTPUTS) {
    const name = config.outputs?.[output] === undefined ? output : config.outputs[output];
    if (name === null) continue;
    if (names.has(name)) ctx.fail('outputs', `"${name}" is given twice`);
    names.add(name);
    const existing = ctx.schema.find(name);
    if (existing) {
      existing.field = { ...existing.field, type: 'text', annotations: {} };
      slots.push([output, existing.slot]);
    } else {
      slots.push([output, ctx.schema.add(makeField(name, 'text')).slot]);
    }
  }
  if (slots.length === 0) ctx.fail('outputs', 'every output is left out');
  return slots;
}

export function adminDivisionsStep(ctx: StepContext, config: AdminDivisionsProcessor): Step {
  const source = textSource(ctx, 'field', config.field);
  const nameSlot =
    config.communeName === undefined ? -1 : textSource(ctx, 'communeName', config.communeName);
  const targets = outputs(ctx, config);
  const idx = adminIndex();
  const byPostalCode = config.code === 'postal_code';
  // The same few thousand codes (and names) come back on every line: remember the answers.
  const cache = new Map<string, Division | null | undefined>();
  const what = byPostalCode ? 'postal code' : 'INSEE commune code';
  /** The division of a code as the file writes it; undefined when the code is unknown. */
  const find = (raw: unknown, name: string | null): Division | null | undefined => {
    const code = normalizeCode(raw);
    if (code === null) return null;
    if (byPostalCode && !idx.byPostalCode.has(code)) return undefined;
    const found = byPostalCode ? divisionOfPostalCode(idx, code, name) : divisionOfInsee(idx, code);
    return found ?? (byPostalCode ? null : undefined);
  };
  return (row, line, issues) => {
    const raw = row[source];
    const cell = nameSlot < 0 ? null : row[nameSlot];
    const name = typeof cell === 'string' ? cell : null;
    const key = name === null ? `${String(raw)}` : `${String(raw)}\u0000${name}`;
    let division = cache.get(key);
    if (division === undefined && !cache.has(key)) {
      division = find(raw, name);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, division);
    }
    for (let i = 0; i < targets.length; i++) {
      const [output, slot] = targets[i] as [AdminOutput, number];
      row[slot] = division ? division[output] : null;
    }
    if (division === undefined) {
      issues.add(line, config.field, `"${shown(String(raw))}" is not a known ${what}`);
    }
    return true;
  };
}
