// From the clause texts of a records query to a checked plan: parsed and analyzed clauses,
// the output columns, and whether the query aggregates. Dialect-agnostic; the compiler turns a
// plan into SQL.

import type { Field, FieldType } from '../core/field.ts';
import { isMultivalued } from '../core/field.ts';
import type { Expr, FacetFilter, GroupItem, OrderItem, SelectEntry } from './ast.ts';
import type { Analysis, Scope } from './analyze-scope.ts';
import { createAnalysis, createScope, isField } from './analyze-scope.ts';
import { analyzeCondition, analyzeExpr } from './analyze.ts';
import { odsqlError } from './errors.ts';
import { parseFacetFilter } from './parser/facet-filter.ts';
import { parseGroupBy } from './parser/group-by.ts';
import { parseOrderBy } from './parser/order-by.ts';
import { parseSelect } from './parser/select.ts';
import { parseWhere } from './parser/where.ts';
import { findFunction } from './functions.ts';
import { outputType } from './types.ts';

export interface PlanInput {
  select?: string;
  where?: string[];
  groupBy?: string;
  orderBy?: string;
  refine?: string[];
  exclude?: string[];
}

/** One output of the query: a whole field, or an expression. */
export interface PlannedOutput {
  key: string;
  type: FieldType;
  multivalued: boolean;
  field: Field | null;
  expr: Expr | null;
}

export interface PlannedFacetFilter {
  filter: FacetFilter;
  field: Field;
  exclude: boolean;
}

export interface QueryPlan {
  analysis: Analysis;
  outputs: PlannedOutput[];
  conditions: Expr[];
  facetFilters: PlannedFacetFilter[];
  groups: GroupItem[];
  orders: OrderItem[];
  aggregated: boolean;
}

/** Parses and analyzes the filtering clauses only (where, refine, exclude). */
export function planFilters(input: PlanInput, fields: readonly Field[], scope?: Scope) {
  const s = scope ?? createScope(fields);
  const analysis = createAnalysis();
  const conditions: Expr[] = [];
  for (const text of input.where ?? []) {
    const condition = parseWhere(text);
    if (!condition) continue;
    analyzeCondition(condition, 'where', s, analysis);
    conditions.push(condition);
  }
  const facetFilters: PlannedFacetFilter[] = [];
  for (const [clause, texts] of [
    ['refine', input.refine],
    ['exclude', input.exclude],
  ] as const) {
    for (const text of texts ?? []) {
      if (text.trim() === '') continue;
      const filter = parseFacetFilter(text, clause);
      const field = s.fields.get(filter.facet);
      if (!field) {
        throw odsqlError(`Unknown field: ${filter.facet}`, clause, filter.facetSpan.start);
      }
      facetFilters.push({ filter, field, exclude: clause === 'exclude' });
    }
  }
  return { analysis, conditions, facetFilters, scope: s };
}

export function planQuery(
  input: PlanInput,
  fields: readonly Field[],
  aliases?: ReadonlyMap<string, string>,
): QueryPlan {
  const scope = createScope(fields, aliases);
  const select = parseSelect(input.select ?? '');
  const groups = parseGroupBy(input.groupBy ?? '');
  const orders = parseOrderBy(input.orderBy ?? '');
  for (const entry of select) {
    if (entry.kind === 'SelectItem' && entry.alias) {
      scope.selectAliases.set(entry.alias.name, entry.expr);
    }
  }
  for (const item of groups) if (item.alias) scope.groupAliases.set(item.alias.name, item.expr);

  const { analysis, conditions, facetFilters } = planFilters(input, fields, scope);
  for (const item of groups) {
    const result = analyzeExpr(item.expr, 'group_by', scope, analysis);
    if (result.aggregate) throw odsqlError('Aggregates are not allowed', 'group_by', item.start);
    if (item.expr.kind.endsWith('Literal')) {
      throw odsqlError('Expected a field or a function of a field', 'group_by', item.start);
    }
    const target =
      item.expr.kind === 'Identifier'
        ? (scope.selectAliases.get(item.expr.name) ?? item.expr)
        : item.expr;
    const cluster = target.kind === 'Call' && target.name === 'geo_cluster';
    if (!cluster && (result.type === 'geo_point_2d' || result.type === 'geo_shape')) {
      throw odsqlError('Cannot group by a geo field (use geo_cluster())', 'group_by', item.start);
    }
  }
  const outputs = planOutputs(select, groups, fields, scope, analysis);
  const orderAggregates = orders.map(
    (o) => analyzeExpr(o.expr, 'order_by', scope, analysis).aggregate,
  );
  const aggregated =
    groups.length > 0 ||
    outputs.some((o) => isAggregate(o, analysis)) ||
    orderAggregates.includes(true);
  // ODS rule: when order_by mixes aggregates and other expressions, aggregates come first.
  const firstPlain = orderAggregates.indexOf(false);
  const late = orderAggregates.findIndex((a, i) => a && firstPlain >= 0 && i > firstPlain);
  if (late >= 0) {
    const item = orders[late] as OrderItem;
    throw odsqlError('Aggregates must come first in order_by', 'order_by', item.start, item.end);
  }

  if (groups.length === 0) {
    for (const output of outputs) {
      const call = output.expr && resolveAlias(output.expr, analysis);
      if (call?.kind === 'Call' && findFunction(call.name)?.kind === 'grouping') {
        throw odsqlError(`${call.name}() needs a group_by`, 'select', output.expr?.start ?? 0);
      }
    }
  }
  if (aggregated) {
    const grouped = new Grouping(groups, analysis);
    for (const output of outputs) {
      const expr = output.expr;
      if (expr && !grouped.covers(expr)) {
        throw odsqlError(
          `${output.key} must be in group_by or inside an aggregate`,
          'select',
          expr.start,
        );
      }
      if (!expr) throw odsqlError(`${output.key} must be in group_by`, 'select', 0);
    }
    for (const item of orders) {
      if (!grouped.covers(item.expr)) {
        throw odsqlError('Expected an aggregate or a group_by expression', 'order_by', item.start);
      }
    }
  }
  return { analysis, outputs, conditions, facetFilters, groups, orders, aggregated };
}

/** The expression an alias stands for (the expression itself when it is not an alias). */
function resolveAlias(expr: Expr, analysis: Analysis): Expr {
  if (expr.kind !== 'Identifier') return expr;
  const target = analysis.resolved.get(expr);
  return target && !isField(target) ? resolveAlias(target, analysis) : expr;
}

function isAggregate(output: PlannedOutput, analysis: Analysis): boolean {
  return output.expr !== null && (analysis.info.get(output.expr)?.aggregate ?? false);
}

function planOutputs(
  select: SelectEntry[],
  groups: GroupItem[],
  fields: readonly Field[],
  scope: Scope,
  analysis: Analysis,
): PlannedOutput[] {
  const onlyStar = select.length === 1 && select[0]?.kind === 'SelectAll';
  if (onlyStar && groups.length > 0) {
    return groups.map((g) =>
      expressionOutput(
        g.alias?.name ?? (g.expr.kind === 'Identifier' ? g.expr.name : g.text),
        g.expr,
        analysis,
      ),
    );
  }
  const outputs: PlannedOutput[] = [];
  const excluded: string[] = [];
  if (select[0]?.kind === 'SelectPattern' && select[0].mode === 'exclude') {
    for (const field of fields) outputs.push(fieldOutput(field.name, field));
  }
  for (const entry of select) {
    if (entry.kind === 'SelectAll') {
      for (const field of fields) outputs.push(fieldOutput(field.name, field));
    } else if (entry.kind === 'SelectPattern') {
      if (entry.mode === 'exclude') excluded.push(entry.pattern);
      else {
        for (const field of fields) {
          if (matches(entry.pattern, field.name)) outputs.push(fieldOutput(field.name, field));
        }
      }
    } else {
      analyzeExpr(entry.expr, 'select', scope, analysis);
      const target = entry.expr.kind === 'Identifier' ? analysis.resolved.get(entry.expr) : null;
      // A field's key is its name, even when written `back-quoted`.
      const key =
        entry.alias?.name ?? (isField(target ?? undefined) ? (target as Field).name : entry.text);
      if (isField(target ?? undefined) && groups.length === 0) {
        outputs.push(fieldOutput(key, target as Field, entry.expr));
      } else {
        outputs.push(expressionOutput(key, entry.expr, analysis));
      }
    }
  }
  if (excluded.length === 0) return outputs;
  return outputs.filter((o) => !o.field || !excluded.some((p) => matches(p, o.field?.name ?? '')));
}

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function fieldOutput(key: string, field: Field, expr: Expr | null = null): PlannedOutput {
  const multivalued = field.type === 'text' && isMultivalued(field);
  return { key, type: field.type, multivalued, field, expr };
}

function expressionOutput(key: string, expr: Expr, analysis: Analysis): PlannedOutput {
  const result = analysis.info.get(expr);
  return {
    key,
    type: outputType(result?.type ?? 'text'),
    multivalued: result?.multivalued ?? false,
    field: null,
    expr,
  };
}

/** Decides whether an expression only depends on group keys and aggregates. */
class Grouping {
  private readonly keys: Set<string>;

  constructor(
    groups: GroupItem[],
    private readonly analysis: Analysis,
  ) {
    this.keys = new Set(groups.map((g) => this.key(g.expr)));
  }

  covers(expr: Expr): boolean {
    if (this.keys.has(this.key(expr))) return true;
    if (this.analysis.info.get(expr)?.aggregate && expr.kind === 'Call') {
      return isAggregateCall(expr.name);
    }
    switch (expr.kind) {
      case 'Identifier': {
        const target = this.analysis.resolved.get(expr);
        return target !== undefined && !isField(target) && this.covers(target);
      }
      // relevance() is a record's score: it needs the record, like a field.
      case 'Call':
        return expr.name !== 'relevance' && expr.args.every((a) => this.covers(a));
      case 'Unary':
      case 'Not':
        return this.covers(expr.operand);
      case 'Arithmetic':
      case 'Comparison':
      case 'Logical':
        return this.covers(expr.left) && this.covers(expr.right);
      case 'Star':
      case 'NamedArgument':
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'UnitLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'DateLiteral':
      case 'GeomLiteral':
        return true;
      default:
        return false;
    }
  }

  /** A canonical text of the expression, with names resolved. */
  key(expr: Expr): string {
    switch (expr.kind) {
      case 'Identifier': {
        const target = this.analysis.resolved.get(expr);
        if (isField(target)) return `f:${target.name}`;
        return target ? this.key(target) : `?${expr.name}`;
      }
      case 'Call':
        return `${expr.name}(${expr.distinct ? 'distinct ' : ''}${expr.args.map((a) => this.key(a)).join(',')})`;
      case 'Arithmetic':
      case 'Comparison':
      case 'Logical':
        return `(${this.key(expr.left)}${expr.op}${this.key(expr.right)})`;
      case 'Unary':
        return `${expr.op}${this.key(expr.operand)}`;
      case 'StringLiteral':
        return JSON.stringify(expr.value);
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return String(expr.value);
      case 'DateLiteral':
        return `date${JSON.stringify(expr.text)}`;
      default:
        return `${expr.kind}@${expr.start}`;
    }
  }
}

function isAggregateCall(name: string): boolean {
  return findFunction(name)?.kind === 'aggregate';
}
