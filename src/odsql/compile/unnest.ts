// Grouping by a multivalued field makes one group per value, as ODS does: a record holding
// [a, b] counts in group a and in group b. The table is joined with the values of each such
// field (once per distinct value), and group keys, outputs and order_by read the value column;
// where, refine and exclude still see the whole list, so they keep their membership meaning.

import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import { isField } from '../analyze-scope.ts';
import type { Expr, GroupItem } from '../ast.ts';
import type { Analysis } from '../analyze-scope.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';

/** The column holding one value of a multivalued field in the unnested table. */
export function valueColumn(fieldName: string): string {
  return `${fieldName}$value`;
}

/** The multivalued fields the group_by expressions read (through aliases), in order. */
export function multivaluedGroupFields(groups: readonly GroupItem[], analysis: Analysis): Field[] {
  const found = new Map<string, Field>();
  const visit = (expr: Expr, depth: number): void => {
    if (depth > 100) return;
    switch (expr.kind) {
      case 'Identifier': {
        const target = analysis.resolved.get(expr);
        if (isField(target)) {
          if (target.type === 'text' && isMultivalued(target)) found.set(target.name, target);
        } else if (target) visit(target, depth + 1);
        return;
      }
      case 'Call':
        for (const arg of expr.args) visit(arg, depth + 1);
        return;
      case 'Unary':
        visit(expr.operand, depth + 1);
        return;
      case 'Arithmetic':
        visit(expr.left, depth + 1);
        visit(expr.right, depth + 1);
        return;
      default:
        return;
    }
  };
  for (const group of groups) visit(group.expr, 0);
  return [...found.values()];
}

/** The FROM source: the table, or the table joined with the values of `fields`. */
export function fromSource(ctx: CompileContext, fields: readonly Field[]): string {
  const table = quoteIdent(ctx.table);
  if (fields.length === 0) return table;
  const values = fields.map(
    (f, i) => `${quoteIdent(`$each${i}`)}.value AS ${quoteIdent(valueColumn(f.name))}`,
  );
  const joins = fields.map((f, i) =>
    ctx.dialect.unnestJoin(`${table}.${quoteIdent(f.name)}`, quoteIdent(`$each${i}`)),
  );
  return `(SELECT ${table}.*, ${values.join(', ')} FROM ${table} ${joins.join(' ')}) AS ${table}`;
}

/** Runs `compile` with the unnested fields read as one value each. */
export function withValues<T>(ctx: CompileContext, fields: readonly Field[], compile: () => T): T {
  const outer = ctx.unnested;
  ctx.unnested = new Set(fields.map((f) => f.name));
  try {
    return compile();
  } finally {
    ctx.unnested = outer;
  }
}
