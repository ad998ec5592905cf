// relevance(): how well a record matches the full-text predicates of the where clauses, the sum
// of their scores (FTS5's bm25 on SQLite, ts_rank on PostgreSQL). Predicates under NOT do not
// score. Without a full-text predicate every record has the same relevance, 0.

import type { Expr } from '../ast.ts';
import type { CompileContext } from './context.ts';
import type { FullTextTarget } from './dialect.ts';
import { fieldOf } from './expression.ts';
import { fullTextTarget, searchCallTarget } from './search.ts';

function targetsOf(ctx: CompileContext, node: Expr, out: FullTextTarget[]): void {
  let target: ReturnType<typeof fullTextTarget> = 'all';
  switch (node.kind) {
    case 'Logical':
      targetsOf(ctx, node.left, out);
      targetsOf(ctx, node.right, out);
      return;
    case 'FullText':
      target = fullTextTarget(ctx, node.text, null, 'exact');
      break;
    case 'Like': {
      const field = fieldOf(ctx, node.operand);
      if (!node.negated && field) {
        target = fullTextTarget(ctx, node.pattern.value, [field], 'exact');
      }
      break;
    }
    case 'Call':
      if (node.name === 'search' || node.name === 'suggest') target = searchCallTarget(ctx, node);
      break;
    default:
      return;
  }
  if (target !== 'all' && target !== 'none') out.push(target);
}

/** The full-text predicates that score, from the where conditions. */
export function scoredTargets(ctx: CompileContext): FullTextTarget[] {
  const out: FullTextTarget[] = [];
  for (const condition of ctx.conditions) targetsOf(ctx, condition, out);
  return out;
}

/** The SQL of relevance(), or null when no predicate scores (relevance is then constant). */
export function compileRelevance(ctx: CompileContext): string | null {
  const targets = scoredTargets(ctx);
  if (targets.length === 0) return null;
  const bind = (v: unknown) => ctx.params.add(v);
  const scores = targets.map((t) => ctx.dialect.relevance(t, bind));
  return scores.length === 1 ? (scores[0] as string) : `(${scores.join(' + ')})`;
}
