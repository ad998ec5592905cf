// Mutations of a generated query: one clause edited by deleting, inserting, truncating or
// duplicating text, so that the fuzz also feeds almost-valid and broken input.
import fc from 'fast-check';

import type { RecordsQueryInput } from '../../../src/odsql/index.ts';

const PIECES = [
  '(',
  ')',
  "'",
  '"',
  '`',
  '\\',
  ',',
  '..',
  '[',
  ']',
  ':',
  '*',
  ' and ',
  ' or ',
  ' not ',
  ' as ',
  ';',
  '--',
  '/*',
  '\u0000',
  'é',
  '𝔸',
  ' in ',
  ' is null',
  'count(',
  'date',
  'geom',
  "date'",
  '1e999',
  '-',
  '9999999999999999999999',
];

interface Edit {
  clause: 'select' | 'where' | 'groupBy' | 'orderBy' | 'refine';
  kind: 'delete' | 'insert' | 'truncate' | 'duplicate';
  at: number;
  length: number;
  piece: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  clause: fc.constantFrom('select', 'where', 'groupBy', 'orderBy', 'refine'),
  kind: fc.constantFrom('delete', 'insert', 'truncate', 'duplicate'),
  at: fc.nat({ max: 200 }),
  length: fc.integer({ min: 1, max: 8 }),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
});

/** The text with one edit applied (the edit's clause aside). */
export function editText(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at + e.length) + text.slice(at);
  }
}

export function mutate(input: RecordsQueryInput, e: Edit): RecordsQueryInput {
  if (e.clause === 'where' || e.clause === 'refine') {
    const list = input[e.clause] ?? [];
    const first = list[0] ?? '';
    return { ...input, [e.clause]: [editText(first, e), ...list.slice(1)] };
  }
  return { ...input, [e.clause]: editText(input[e.clause] ?? '', e) };
}
