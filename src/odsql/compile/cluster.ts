// geo_cluster(field, zoom[, radius]) in group_by: points are bucketed on a grid whose cell is
// `radius` pixels of a 256-pixel tile at `zoom`; each group is rendered as its centroid.

import { latColumn, lonColumn } from '../../core/columns.ts';
import type { Call, Expr } from '../ast.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import { fieldOf } from './expression.ts';

/** The geo_cluster() call an expression is (directly or through an alias), or null. */
export function clusterOf(ctx: CompileContext, expr: Expr): Call | null {
  if (expr.kind === 'Call') return expr.name === 'geo_cluster' ? expr : null;
  if (expr.kind !== 'Identifier') return null;
  const target = ctx.analysis.resolved.get(expr);
  return target && !('label' in target) ? clusterOf(ctx, target) : null;
}

function columns(ctx: CompileContext, call: Call): [string, string] {
  const field = fieldOf(ctx, call.args[0] as Expr);
  const name = field?.name ?? '';
  return [quoteIdent(latColumn(name)), quoteIdent(lonColumn(name))];
}

/** Cell size in degrees: radius pixels at the zoom level (360° over 256 × 2^zoom pixels). */
function cellDegrees(call: Call): number {
  const [, zoom, radius] = call.args;
  const z = zoom?.kind === 'NumberLiteral' ? zoom.value : 0;
  const r = radius?.kind === 'NumberLiteral' ? radius.value : 40;
  return (r * 360) / (256 * 2 ** z);
}

/** The GROUP BY keys: the grid cell of each point. */
export function clusterKeys(ctx: CompileContext, call: Call): string[] {
  const cell = cellDegrees(call);
  return columns(ctx, call).map((column) => {
    const size = ctx.dialect.numberParam(ctx.params.add(cell), false);
    return `floor(${ctx.dialect.divide(column, size)})`;
  });
}

/** The result columns of a cluster: the centroid [lat, lon] of its points. */
export function clusterCentroid(ctx: CompileContext, call: Call): string[] {
  return columns(ctx, call).map((column) => `avg(${column})`);
}
