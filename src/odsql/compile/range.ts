// range() in group_by: static ranges → a text label per bucket ('[10, 50[', '[*, 10['), equal
// widths → the start of each bucket (a number, a date or a datetime).

import type { Call, Expr } from '../ast.ts';
import type { DateParts } from '../dates.ts';
import { toEpochMs } from '../dates.ts';
import { odsqlError } from '../errors.ts';
import { intervalUnit } from '../intervals.ts';
import type { CompileContext } from './context.ts';
import type { TemporalType } from './dialect.ts';
import { compileExpr, dateParts, infoOf } from './expression.ts';
import { temporalValue } from './temporal.ts';

export function compileRange(ctx: CompileContext, node: Call): string {
  const [subject, ...steps] = node.args as [Expr, ...Expr[]];
  const type = infoOf(ctx, subject).type;
  const temporal: TemporalType | null = type === 'date' || type === 'datetime' ? type : null;
  const width = steps[0];
  if (steps.length === 1 && (width?.kind === 'NumberLiteral' || width?.kind === 'UnitLiteral')) {
    return equalWidth(ctx, subject, width, temporal);
  }
  return staticRanges(ctx, subject, steps, temporal);
}

function equalWidth(
  ctx: CompileContext,
  subject: Expr,
  width: Expr,
  temporal: TemporalType | null,
): string {
  const { dialect, params } = ctx;
  const value = compileExpr(ctx, subject);
  if (width.kind === 'UnitLiteral' && temporal) {
    const unit = intervalUnit(width.unit);
    if (!unit) throw odsqlError(`Unknown interval unit ${width.unit}`, 'group_by', width.start);
    const zone =
      temporal === 'datetime' && ctx.timeZone !== 'UTC' ? () => params.add(ctx.timeZone) : null;
    return dialect.dateBucket(value, temporal, unit, width.value, (v) => params.add(v), zone);
  }
  const w = width.kind === 'NumberLiteral' ? width.value : 1;
  const step = (): string => dialect.numberParam(params.add(w), Number.isSafeInteger(w));
  return `(floor(${dialect.divide(value, step())}) * ${step()})`;
}

function staticRanges(
  ctx: CompileContext,
  subject: Expr,
  steps: Expr[],
  temporal: TemporalType | null,
): string {
  const openLow = steps[0]?.kind === 'Star';
  const openHigh = steps.length > 1 && steps[steps.length - 1]?.kind === 'Star';
  const bounds = steps.filter((s) => s.kind !== 'Star');
  const labels = bounds.map((b) => label(ctx, b));
  const value = (b: Expr): string =>
    temporal ? temporalValue(ctx, dateParts(ctx, b), temporal) : compileExpr(ctx, b);
  const x = (): string => compileExpr(ctx, subject);
  const text = (s: string): string => ctx.dialect.textParam(ctx.params.add(s));
  const cases: string[] = [];
  if (openLow)
    cases.push(`WHEN ${x()} < ${value(bounds[0] as Expr)} THEN ${text(`[*, ${labels[0]}[`)}`);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const low = `${x()} >= ${value(bounds[i] as Expr)}`;
    const high = `${x()} < ${value(bounds[i + 1] as Expr)}`;
    cases.push(`WHEN ${low} AND ${high} THEN ${text(`[${labels[i]}, ${labels[i + 1]}[`)}`);
  }
  if (openHigh) {
    const last = bounds.length - 1;
    cases.push(
      `WHEN ${x()} >= ${value(bounds[last] as Expr)} THEN ${text(`[${labels[last]}, *[`)}`,
    );
  }
  if (cases.length === 0) return 'NULL';
  return `(CASE ${cases.join(' ')} END)`;
}

/** A bound as it appears in bucket labels: the number, or the ISO instant of a date. */
function label(ctx: CompileContext, bound: Expr): string {
  if (bound.kind === 'NumberLiteral') return String(bound.value);
  const parts: DateParts = dateParts(ctx, bound);
  return new Date(toEpochMs(parts, ctx.timeZone)).toISOString();
}
