// Vocabulary of the analyzer: the names now() and intervals accept, and which kinds of values
// may meet in a comparison (with the literals that convert to another kind).

import type { Comparison, Expr } from './ast.ts';
import { parseDateText } from './dates.ts';
import type { ExprInfo, ValueType } from './types.ts';

export const NOW_UNITS = new Set([
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'microsecond',
  'weekday',
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'microseconds',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
]);

export const INTERVAL_UNITS = new Set([
  'ms',
  's',
  'm',
  'h',
  'd',
  'w',
  'M',
  'q',
  'y',
  ...['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].flatMap(
    (w) => [w, `${w}s`],
  ),
]);

export type ValueKind = 'text' | 'number' | 'temporal' | 'boolean' | 'null' | 'other';

export function valueKind(type: ValueType): ValueKind {
  if (type === 'text') return 'text';
  if (type === 'int' || type === 'double') return 'number';
  if (type === 'date' || type === 'datetime') return 'temporal';
  if (type === 'boolean') return 'boolean';
  if (type === 'null') return 'null';
  return 'other';
}

export function describe(type: ValueType): string {
  const kind = valueKind(type);
  return kind === 'temporal' ? 'a date' : kind === 'number' ? 'a number' : `a ${type} value`;
}

/** A literal that the compiler can turn into a value of `kind`. */
export function coercible(node: Expr, kind: ValueKind): boolean {
  if (node.kind === 'NumberLiteral') return kind === 'text';
  if (node.kind !== 'StringLiteral') return false;
  const v = node.value.trim();
  switch (kind) {
    case 'number':
      return v !== '' && Number.isFinite(Number(v));
    case 'temporal':
      return parseDateText(v) !== null;
    case 'boolean':
      return v.toLowerCase() === 'true' || v.toLowerCase() === 'false';
    default:
      return false;
  }
}

/** The multivalued side of an ordering comparison (`<`, `>=`…), which a list cannot take. */
export function unorderedSide(node: Comparison, left: ExprInfo, right: ExprInfo): Expr | null {
  if (node.op === '=' || node.op === '!=') return null;
  return left.multivalued ? node.left : right.multivalued ? node.right : null;
}
