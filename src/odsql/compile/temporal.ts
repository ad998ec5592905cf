// Date and datetime values for comparisons: literals converted to the storage of the other side
// (a `YYYY-MM-DD` text for dates, an instant for datetimes), read in the query's time zone.

import type { DateParts } from '../dates.ts';
import { nextPeriod, toDateString, toEpochMs } from '../dates.ts';
import type { CompileContext } from './context.ts';
import type { TemporalType } from './dialect.ts';

/** SQL for the instant or date `parts` names, as a value of `type`. */
export function temporalValue(ctx: CompileContext, parts: DateParts, type: TemporalType): string {
  const { dialect, params } = ctx;
  if (type === 'date') return dialect.dateParam(params.add(toDateString(parts, ctx.timeZone)));
  const ms = toEpochMs(parts, ctx.timeZone);
  return dialect.datetimeParam(params.add(dialect.datetimeValue(ms)));
}

/** SQL for an instant in epoch ms, as a value of `type`. */
export function instantValue(ctx: CompileContext, ms: number, type: TemporalType): string {
  const { dialect, params } = ctx;
  if (type === 'datetime') return dialect.datetimeParam(params.add(dialect.datetimeValue(ms)));
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
  return dialect.dateParam(params.add(toDateString(parts, ctx.timeZone)));
}

/** `column` falls in the period `parts` names (2019 → the whole year), in the time zone. */
export function periodCondition(
  ctx: CompileContext,
  column: string,
  parts: DateParts,
  type: TemporalType,
): string {
  if (parts.precision === 'millisecond' || (type === 'date' && isDayOrFiner(parts))) {
    return `${column} = ${temporalValue(ctx, parts, type)}`;
  }
  const start = temporalValue(ctx, parts, type);
  const end = temporalValue(ctx, nextPeriod(parts), type);
  return `(${column} >= ${start} AND ${column} < ${end})`;
}

function isDayOrFiner(parts: DateParts): boolean {
  return parts.precision !== 'year' && parts.precision !== 'month';
}
