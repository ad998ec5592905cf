// NUL characters: no engine stores them in text (PostgreSQL rejects them in a parameter), so a
// clause holding one is refused before it reaches the SQL.

import type { Clause } from './errors.ts';
import { odsqlError } from './errors.ts';

interface Clauses {
  select?: string;
  where?: string[];
  groupBy?: string;
  orderBy?: string;
  refine?: string[];
  exclude?: string[];
}

function check(text: string | undefined, clause: Clause): void {
  const at = text?.indexOf('\u0000') ?? -1;
  if (at >= 0) throw odsqlError('Unexpected NUL character', clause, at);
}

/** Throws an OdsqlError naming the clause and position of the first NUL character. */
export function rejectNul(input: Clauses): void {
  check(input.select, 'select');
  for (const text of input.where ?? []) check(text, 'where');
  check(input.groupBy, 'group_by');
  check(input.orderBy, 'order_by');
  for (const text of input.refine ?? []) check(text, 'refine');
  for (const text of input.exclude ?? []) check(text, 'exclude');
}
