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
  const cache = new Map<string, Division | null>();
  const lookup = (code: string, name: string | null): Division | null => {
    const key = name === null ? code : `${code}\u0000${name}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = byPostalCode ? divisionOfPostalCode(idx, code, name) : divisionOfInsee(idx, code);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
  const what = byPostalCode ? 'postal code' : 'INSEE commune code';
  return (row, line, issues) => {
    const raw = row[source];
    const code = normalizeCode(raw);
    const name = nameSlot < 0 ? null : (row[nameSlot] as string | null);
    const division = code === null ? null : lookup(code, typeof name === 'string' ? name : null);
    for (const [output, slot] of targets) row[slot] = division ? division[output] : null;
    if (code !== null && division === null && !byPostalCode) {
      issues.add(line, config.field, `"${shown(String(raw))}" is not a known ${what}`);
    } else if (code !== null && byPostalCode && !idx.byPostalCode.has(code)) {
      issues.add(line, config.field, `"${shown(String(raw))}" is not a known ${what}`);
    }
    return true;
  };
}
