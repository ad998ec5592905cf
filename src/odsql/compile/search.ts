// Full-text predicates: bare strings, LIKE, search(), suggest(), startswith().

import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import type { Call, Expr } from '../ast.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import type { FtsMode } from './fts-query.ts';
import { ftsTerms } from './fts-query.ts';

const ALWAYS = '1 = 1';

/** Text fields match the words of `text`; fields null = every text field. */
export function compileFullText(
  ctx: CompileContext,
  text: string,
  fields: Field[] | null,
  mode: FtsMode,
): string {
  const terms = ftsTerms(text, mode);
  if (terms.length === 0) return ALWAYS;
  const targets = fields?.map((f) => ({ name: f.name, multivalued: isMultivalued(f) })) ?? null;
  return ctx.dialect.fullText({ table: ctx.table, fields: targets, terms }, (v) =>
    ctx.params.add(v),
  );
}

export function compileSearchCall(ctx: CompileContext, node: Call): string {
  const text = node.args[node.args.length - 1] as Expr;
  const value = text.kind === 'StringLiteral' ? text.value : '';
  const fields = searchFields(ctx, node.args.slice(0, -1));
  if (node.name === 'startswith') {
    const targets = fields ?? ctx.fields.filter((f) => f.type === 'text');
    if (targets.length === 0) return '1 = 0';
    const parts = targets.map((f) =>
      ctx.dialect.startsWith(quoteIdent(f.name), ctx.params.add(value), isMultivalued(f)),
    );
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }
  return compileFullText(ctx, value, fields, node.name === 'search' ? 'fuzzy' : 'all_prefix');
}

function searchFields(ctx: CompileContext, args: Expr[]): Field[] | null {
  if (args.length === 0 || args[0]?.kind === 'Star') return null;
  const fields: Field[] = [];
  for (const arg of args) {
    if (arg.kind !== 'Identifier') continue;
    const target = ctx.analysis.resolved.get(arg);
    if (target && 'label' in target) fields.push(target);
  }
  return fields;
}
