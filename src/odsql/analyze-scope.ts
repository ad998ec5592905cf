// What an analysis works with and produces: the names a query can use (fields and aliases)
// and, keyed by AST node, what the analyzer learned about each expression.

import type { Field } from '../core/field.ts';
import type { DateLiteral, Expr, GeomLiteral, Identifier } from './ast.ts';
import type { DateParts } from './dates.ts';
import type { Geometry } from './geometry.ts';
import type { ExprInfo } from './types.ts';

/** Names visible to a query: the dataset's fields and the aliases of select and group_by. */
export interface Scope {
  fields: Map<string, Field>;
  selectAliases: Map<string, Expr>;
  groupAliases: Map<string, Expr>;
}

/** What the analyzer learned, keyed by AST node. */
export interface Analysis {
  info: Map<Expr, ExprInfo>;
  /** Identifier → the field it names, or the expression of the alias it names. */
  resolved: Map<Identifier, Field | Expr>;
  dates: Map<DateLiteral, DateParts>;
  geometries: Map<GeomLiteral, Geometry>;
}

/** `aliases`: other names of fields (name → field name), such as the catalog's `default.title`. */
export function createScope(
  fields: readonly Field[],
  aliases?: ReadonlyMap<string, string>,
): Scope {
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [alias, name] of aliases ?? []) {
    const field = byName.get(name);
    if (field && !byName.has(alias)) byName.set(alias, field);
  }
  return {
    fields: byName,
    selectAliases: new Map(),
    groupAliases: new Map(),
  };
}

export function createAnalysis(): Analysis {
  return { info: new Map(), resolved: new Map(), dates: new Map(), geometries: new Map() };
}

export function isField(target: Field | Expr | undefined): target is Field {
  return target !== undefined && 'label' in target;
}
