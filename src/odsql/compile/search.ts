// Full-text predicates: bare strings, LIKE, search(), suggest(), startswith().

import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import type { Call, Expr } from '../ast.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import type { FullTextTarget } from './dialect.ts';
import type { FtsMode } from './fts-query.ts';
import { ftsTerms } from './fts-query.ts';

const ALWAYS = '1 = 1';
const NEVER = '1 = 0';

/**
 * What the words of `text` are searched in (fields null = every text field), or 'all' when the
 * text holds no word, 'none' when there is no text field to search.
 */
export function fullTextTarget(
  ctx: CompileContext,
  text: string,
  fields: Field[] | null,
  mode: FtsMode,
): FullTextTarget | 'all' | 'none' {
  const terms = ftsTerms(text, mode);
  if (terms.length === 0) return 'all';
  // Without a text field there is no full-text index (no FTS5 table on SQLite).
  if ((fields ?? ctx.fields).every((f) => f.type !== 'text')) return 'none';
  const targets = fields?.map((f) => ({ name: f.name, multivalued: isMultivalued(f) })) ?? null;
  ctx.fullText = true;
  return { table: ctx.table, fields: targets, terms, language: ctx.language };
}

/** Text fields match the words of `text`; fields null = every text field. */
export function compileFullText(
  ctx: CompileContext,
  text: string,
  fields: Field[] | null,
  mode: FtsMode,
): string {
  const target = fullTextTarget(ctx, text, fields, mode);
  if (target === 'all') return ALWAYS;
  if (target === 'none') return NEVER;
  return ctx.dialect.fullText(target, (v) => ctx.params.add(v));
}

/** The full-text target of a search() or suggest() call. */
export function searchCallTarget(
  ctx: CompileContext,
  node: Call,
): ReturnType<typeof fullTextTarget> {
  const text = node.args[node.args.length - 1] as Expr;
  const value = text.kind === 'StringLiteral' ? text.value : '';
  const fields = searchFields(ctx, node.args.slice(0, -1));
  return fullTextTarget(ctx, value, fields, node.name === 'search' ? 'fuzzy' : 'all_prefix');
}

export function compileSearchCall(ctx: CompileContext, node: Call): string {
  if (node.name === 'startswith') return compileStartsWith(ctx, node);
  const target = searchCallTarget(ctx, node);
  if (target === 'all') return ALWAYS;
  if (target === 'none') return NEVER;
  return ctx.dialect.fullText(target, (v) => ctx.params.add(v));
}

function compileStartsWith(ctx: CompileContext, node: Call): string {
  const text = node.args[node.args.length - 1] as Expr;
  const value = text.kind === 'StringLiteral' ? text.value : '';
  const fields = searchFields(ctx, node.args.slice(0, -1));
  const targets = fields ?? ctx.fields.filter((f) => f.type === 'text');
  if (targets.length === 0) return NEVER;
  const parts = targets.map((f) =>
    ctx.dialect.startsWith(quoteIdent(f.name), ctx.params.add(value), isMultivalued(f)),
  );
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
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
