// Date and datetime values for comparisons: literals converted to the storage of the other side
// (a `YYYY-MM-DD` text for dates, an instant for datetimes), read in the query's time zone.

import type { CompareOp } from '../ast.ts';
import type { DateParts } from '../dates.ts';
import { nextPeriod, toDateString, toEpochMs } from '../dates.ts';
import type { CompileContext } from './context.ts';
import type { TemporalType } from './dialect.ts';

/** SQL for the instant or date `parts` names, as a value of `type`. */
export function temporalValue(ctx: CompileContext, parts: DateParts, type: TemporalType): string {
  const { dialect, params } = ctx;
  if (type === 'date') {
    return dialect.dateParam(params.add(toDateString(parts, ctx.timeZone), 'date'));
  }
  const ms = toEpochMs(parts, ctx.timeZone);
  return dialect.datetimeParam(params.add(dialect.datetimeValue(ms), 'datetime'));
}

/** SQL for an instant in epoch ms, as a value of `type`. */
export function instantValue(ctx: CompileContext, ms: number, type: TemporalType): string {
  const { dialect, params } = ctx;
  if (type === 'datetime') {
    return dialect.datetimeParam(params.add(dialect.datetimeValue(ms), 'datetime'));
  }
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
  return dialect.dateParam(params.add(toDateString(parts, ctx.timeZone), 'date'));
}

/**
 * `column op literal` where the literal names a period (date'2019' is the whole year 2019). As
 * in Elasticsearch, a partial date rounds down for >= and <, up for > and <=; = means "within".
 * `column` is called once per use, so its SQL (and its parameters) are never shared.
 */
export function comparePeriod(
  ctx: CompileContext,
  column: () => string,
  op: CompareOp,
  parts: DateParts,
  type: TemporalType,
): string {
  const exact = parts.precision === 'millisecond' || (type === 'date' && isDayOrFiner(parts));
  if (exact) return `${column()} ${op} ${temporalValue(ctx, parts, type)}`;
  const start = (): string => temporalValue(ctx, parts, type);
  const end = (): string => temporalValue(ctx, nextPeriod(parts), type);
  switch (op) {
    case '>=':
      return `${column()} >= ${start()}`;
    case '<':
      return `${column()} < ${start()}`;
    case '>':
      return `${column()} >= ${end()}`;
    case '<=':
      return `${column()} < ${end()}`;
    case '=':
      return `(${column()} >= ${start()} AND ${column()} < ${end()})`;
    case '!=':
      return `(${column()} < ${start()} OR ${column()} >= ${end()})`;
  }
}

/** `column` falls in the period `parts` names (2019 → the whole year), in the time zone. */
export function periodCondition(
  ctx: CompileContext,
  column: string,
  parts: DateParts,
  type: TemporalType,
): string {
  return comparePeriod(ctx, () => column, '=', parts, type);
}

function isDayOrFiner(parts: DateParts): boolean {
  return parts.precision !== 'year' && parts.precision !== 'month';
}
