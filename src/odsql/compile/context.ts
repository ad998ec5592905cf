// What the compiler needs besides the AST: the dialect, the parameters, the analysis, the table.

import type { Field } from '../../core/field.ts';
import type { Analysis } from '../analyze-scope.ts';
import type { Expr } from '../ast.ts';
import type { Dialect } from './dialect.ts';
import type { FtsLanguage } from './fts-language.ts';
import type { Params } from './params.ts';

export interface CompileContext {
  dialect: Dialect;
  params: Params;
  analysis: Analysis;
  table: string;
  fields: readonly Field[];
  timeZone: string;
  /** The `lang` parameter: month and day names of date_format(). */
  lang: string;
  /** The dataset's language, for full-text stemming. */
  language: FtsLanguage;
  /** The where conditions (relevance() scores their full-text predicates). */
  conditions: readonly Expr[];
  /** The instant now() starts from (epoch ms), fixed for one query. */
  now: number;
  /** SQL identifying a result row (for random ordering): the row id, or the group keys. */
  rowKey: () => string;
  /** Multivalued fields read as one value per row (grouping by them: see unnest.ts). */
  unnested: Set<string>;
  /** Set once the query searches the full-text index (its subquery is not per row). */
  fullText?: boolean;
  /** Set once the query reads the clock (now()) or orders at random without a seed. */
  volatile?: boolean;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
