// Values of the row evaluator: comparison with SQL's three-valued logic, and the conversion of
// literals to the kind of value they meet (as the SQL compiler's valueAs does). Cells follow
// core/cell.ts: a date is 'YYYY-MM-DD', a datetime epoch milliseconds, a list a string[].

import type { CompareOp } from './ast.ts';
import type { DateParts } from './dates.ts';
import { nextPeriod, toDateString, toEpochMs } from './dates.ts';

export type Getter = (row: readonly unknown[]) => unknown;
export type TemporalType = 'date' | 'datetime';

/** `a op b`; null when either side is null (SQL's unknown). */
export function compare(a: unknown, b: unknown, op: CompareOp): boolean | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const x = a as number | string | boolean;
  const y = b as number | string | boolean;
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
}

/** A date or instant in the storage form of `type`, in `timeZone`. */
export function temporalOf(
  parts: DateParts,
  type: TemporalType,
  timeZone: string,
): string | number {
  return type === 'date' ? toDateString(parts, timeZone) : toEpochMs(parts, timeZone);
}

/** An instant (epoch ms) as a value of `type`: the date is its day in `timeZone`. */
export function instantAs(ms: number, type: TemporalType, timeZone: string): string | number {
  if (type === 'datetime') return ms;
  const d = new Date(ms);
  const parts: DateParts = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    precision: 'millisecond',
    offsetMinutes: 0,
  };
  return toDateString(parts, timeZone);
}

/**
 * `value op period`, where a partial date names a period (2019 is the whole year): rounds down
 * for >= and <, up for > and <=, and = means "within", as the SQL compiler's comparePeriod.
 */
export function periodComparison(
  value: Getter,
  op: CompareOp,
  parts: DateParts,
  type: TemporalType,
  timeZone: string,
): Getter {
  const exact =
    parts.precision === 'millisecond' ||
    (type === 'date' && parts.precision !== 'year' && parts.precision !== 'month');
  const start = temporalOf(parts, type, timeZone);
  if (exact) return (row) => compare(value(row), start, op);
  const end = temporalOf(nextPeriod(parts), type, timeZone);
  switch (op) {
    case '>=':
      return (row) => compare(value(row), start, '>=');
    case '<':
      return (row) => compare(value(row), start, '<');
    case '>':
      return (row) => compare(value(row), end, '>=');
    case '<=':
      return (row) => compare(value(row), end, '<');
    case '=':
      return (row) => {
        const v = value(row);
        return v === null || v === undefined ? null : v >= start && v < end;
      };
    case '!=':
      return (row) => {
        const v = value(row);
        return v === null || v === undefined ? null : v < start || v >= end;
      };
  }
}

/** SQL AND: false wins, then unknown. */
export function and(a: unknown, b: unknown): boolean | null {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return null;
}

/** SQL OR: true wins, then unknown. */
export function or(a: unknown, b: unknown): boolean | null {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return null;
}

/** Whether a list cell holds `value` (a missing list or value holds nothing). */
export function member(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && value !== null && value !== undefined && list.includes(value);
}
