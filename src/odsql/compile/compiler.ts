// The generic SQL compiler: a checked plan → one SELECT statement with bound parameters and the
// description of its output columns.

import { RECORD_ID_COLUMN, ROW_NUMBER_COLUMN, latColumn, lonColumn } from '../../core/columns.ts';
import type { Field, FieldType } from '../../core/field.ts';
import { hasAnnotation } from '../../core/field.ts';
import type { Expr } from '../ast.ts';
import { odsqlError } from '../errors.ts';
import type { PlannedFacetFilter, QueryPlan } from '../plan.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import type { Dialect } from './dialect.ts';
import { compileExpr, fieldOf, infoOf } from './expression.ts';
import { clusterCentroid, clusterKeys, clusterOf } from './cluster.ts';
import { compileFacetValue } from './facet.ts';
import { DEFAULT_LANGUAGE } from '../date-names.ts';
import type { FtsLanguage } from './fts-language.ts';
import { DEFAULT_FTS_LANGUAGE } from './fts-language.ts';
import { Params } from './params.ts';
import { fromSource, multivaluedGroupFields, valueColumn, withValues } from './unnest.ts';

export interface OutputColumn {
  /** JSON key: field name, alias, or the expression's text when un-aliased (e.g. "count(*)"). */
  key: string;
  /** How to render the value: count(*) → 'int', avg(x) → 'double', year(d) → 'int', field → its type. */
  type: FieldType;
  multivalued: boolean;
  /** Indexes of this output's SQL result columns in each row (geo_point_2d: [lat, lon]). */
  positions: number[];
  /** A stored field as it is (not an expression of it): its values are the column's own. */
  field?: true;
}

export interface CompiledQuery {
  sql: string;
  params: unknown[];
  columns: OutputColumn[];
  aggregated: boolean;
  /** Where the record id is in each row, when asked for (`withRecordId`). */
  recordIdPosition?: number;
  /** With `rowidRanges`, for a query whose rows are all read in row id order from the table. */
  ranged?: RowidRangedQuery;
  /** Its rows may differ from one run to the next on the same table (now(), random()). */
  volatile?: boolean;
}

export interface CompileOptions {
  table: string;
  fields: readonly Field[];
  timeZone: string;
  /** Month and day names of date_format(); default French, as ODS. */
  lang?: string;
  /** The dataset's language (default French). */
  language?: FtsLanguage;
  limit?: number;
  offset?: number;
  /** Extra condition: the record id to look up. */
  recordId?: string;
  /** Also select the record id (not for aggregations). */
  withRecordId?: boolean;
  /** Also give the query restricted to row id ranges, when its rows allow it (`ranged`). */
  rowidRanges?: boolean;
}

/** The query restricted to `_rowid` ≥ params[fromParam] and < params[toParam]. */
export interface RowidRangedQuery {
  sql: string;
  params: unknown[];
  fromParam: number;
  toParam: number;
  /** The table's smallest and largest row ids. */
  boundsSql: string;
  /** The table the rows are read from. */
  table: string;
}

export function createContext(
  dialect: Dialect,
  plan: Pick<QueryPlan, 'analysis'> &
    Partial<Pick<QueryPlan, 'groups' | 'aggregated' | 'conditions'>>,
  options: CompileOptions,
): CompileContext {
  const groups = plan.groups ?? [];
  const aggregated = plan.aggregated === true;
  const ctx: CompileContext = {
    dialect,
    params: new Params(dialect.placeholder, dialect.reuseParams),
    analysis: plan.analysis,
    table: options.table,
    fields: options.fields,
    timeZone: options.timeZone,
    lang: options.lang ?? DEFAULT_LANGUAGE,
    language: options.language ?? DEFAULT_FTS_LANGUAGE,
    conditions: plan.conditions ?? [],
    now: Date.now(),
    unnested: new Set(),
    rowKey: () => {
      if (!aggregated) return quoteIdent(ROW_NUMBER_COLUMN);
      if (groups.length === 0) return '0';
      return dialect.rowKey(groups.flatMap((g) => groupKeys(ctx, g.expr)));
    },
  };
  return ctx;
}

/** The GROUP BY expressions of one group_by item. */
function groupKeys(ctx: CompileContext, expr: Expr): string[] {
  const field = fieldOf(ctx, expr);
  if (field) return fieldColumns(ctx, field);
  const cluster = clusterOf(ctx, expr);
  return cluster ? clusterKeys(ctx, cluster) : [compileExpr(ctx, expr)];
}

/** The SQL result columns of one output expression. */
function outputParts(ctx: CompileContext, expr: Expr): string[] {
  const field = fieldOf(ctx, expr);
  if (field) return fieldColumns(ctx, field);
  const cluster = clusterOf(ctx, expr);
  return cluster ? clusterCentroid(ctx, cluster) : [compileExpr(ctx, expr)];
}

/** The SQL columns holding a whole field (a geo point is two columns). */
function fieldColumns(ctx: CompileContext, field: Field): string[] {
  if (ctx.unnested.has(field.name)) return [quoteIdent(valueColumn(field.name))];
  if (field.type === 'geo_point_2d') {
    return [quoteIdent(latColumn(field.name)), quoteIdent(lonColumn(field.name))];
  }
  return [quoteIdent(field.name)];
}

const LITERALS = new Set([
  'StringLiteral',
  'NumberLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'DateLiteral',
  'UnitLiteral',
]);

export function compilePlan(
  dialect: Dialect,
  plan: QueryPlan,
  options: CompileOptions,
): CompiledQuery {
  const ctx = createContext(dialect, plan, options);
  const unnested = multivaluedGroupFields(plan.groups, plan.analysis);
  const selectList: string[] = [];
  const columns: OutputColumn[] = [];
  withValues(ctx, unnested, () => {
    for (const output of plan.outputs) {
      const parts = output.field
        ? fieldColumns(ctx, output.field)
        : outputParts(ctx, output.expr as Expr);
      const positions = parts.map((_, i) => selectList.length + i);
      selectList.push(...parts);
      // Outputs of a query grouped by a multivalued field hold one of its values.
      const multivalued = output.multivalued && unnested.length === 0;
      const column: OutputColumn = { key: output.key, type: output.type, multivalued, positions };
      if (output.field) column.field = true;
      columns.push(column);
    }
  });
  if (selectList.length === 0) selectList.push('NULL');
  // The record id goes last, outside the columns, for answers that show it (API v1's recordid).
  const recordIdPosition =
    options.withRecordId && !plan.aggregated
      ? selectList.push(quoteIdent(RECORD_ID_COLUMN)) - 1
      : undefined;
  let sql = `SELECT ${selectList.join(', ')} FROM ${fromSource(ctx, unnested)}`;
  const where = compileConditions(ctx, plan);
  if (options.recordId !== undefined) {
    where.push(`${quoteIdent(RECORD_ID_COLUMN)} = ${ctx.params.add(options.recordId)}`);
  }
  const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : undefined;
  const offset = options.offset !== undefined && options.offset > 0 ? options.offset : undefined;
  const head = sql;
  if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
  const tail = withValues(ctx, unnested, () => groupingTail(ctx, plan, options));
  sql += tail;
  // Ranges of a sorted or aggregated query are not parts of it, nor those of a limited one;
  // a full-text search would run whole for every range.
  const rangeable =
    options.rowidRanges === true &&
    !plan.aggregated &&
    unnested.length === 0 &&
    tail === ` ORDER BY ${quoteIdent(ROW_NUMBER_COLUMN)}` &&
    limit === undefined &&
    offset === undefined &&
    ctx.fullText !== true;
  const ranged = rangeable ? rangedQuery(dialect, head, where, tail, ctx, options.table) : null;
  sql += dialect.limitOffset(
    limit === undefined ? null : ctx.params.add(limit, 'bigint'),
    offset === undefined ? null : ctx.params.add(offset, 'bigint'),
  );
  return {
    sql,
    params: ctx.params.values,
    columns,
    aggregated: plan.aggregated,
    ...(recordIdPosition === undefined ? {} : { recordIdPosition }),
    ...(ranged ? { ranged } : {}),
    ...(ctx.volatile === true ? { volatile: true } : {}),
  };
}

/** The statement with two more conditions on `_rowid`, whose parameters come last. */
function rangedQuery(
  dialect: Dialect,
  head: string,
  where: string[],
  tail: string,
  ctx: CompileContext,
  table: string,
): RowidRangedQuery {
  const n = ctx.params.values.length;
  const row = quoteIdent(ROW_NUMBER_COLUMN);
  const from = dialect.numberParam(dialect.placeholder(n + 1), true);
  const to = dialect.numberParam(dialect.placeholder(n + 2), true);
  const conditions = [...where, `${row} >= ${from}`, `${row} < ${to}`];
  return {
    sql: `${head} WHERE ${conditions.join(' AND ')}${tail}`,
    params: [...ctx.params.values, 0, 0],
    fromParam: n,
    toParam: n + 1,
    boundsSql: `SELECT min(${row}), max(${row}) FROM ${quoteIdent(table)}`,
    table,
  };
}

/** GROUP BY, HAVING and ORDER BY. */
function groupingTail(ctx: CompileContext, plan: QueryPlan, options: CompileOptions): string {
  let sql = '';
  if (plan.groups.length > 0) {
    const keys = plan.groups.flatMap((g) => groupKeys(ctx, g.expr));
    sql += ` GROUP BY ${keys.join(', ')}`;
    // Records outside every range (or without a value) form no range() bucket.
    const having = plan.groups.flatMap((g) => {
      if (g.expr.kind !== 'Call' || !['range', 'geo_cluster'].includes(g.expr.name)) return [];
      return groupKeys(ctx, g.expr).map((key) => `${key} IS NOT NULL`);
    });
    if (having.length > 0) sql += ` HAVING ${having.join(' AND ')}`;
  }
  // An aggregated query without group_by has exactly one row: its order_by has nothing to sort.
  const oneRow = plan.aggregated && plan.groups.length === 0;
  // A literal sorts nothing (and PostgreSQL rejects a constant in ORDER BY).
  const sortable = plan.orders.filter((o) => !LITERALS.has(o.expr.kind));
  const orders = (oneRow ? [] : sortable).map((o) => {
    const field = fieldOf(ctx, o.expr);
    const geo = field && (field.type === 'geo_point_2d' || field.type === 'geo_shape');
    if (geo || clusterOf(ctx, o.expr)) {
      throw odsqlError('Cannot sort on a geo value', 'order_by', o.start, o.end);
    }
    // relevance() sorts the best matches first unless a direction is written.
    const descending = o.descending || (!o.explicit && isRelevance(ctx, o.expr));
    const direction = descending ? 'DESC' : 'ASC';
    return `${compileExpr(ctx, o.expr)} ${direction} NULLS LAST`;
  });
  // Records come in load order by default, and the row number breaks ties, so pages never
  // overlap or skip records.
  if (!plan.aggregated && options.recordId === undefined) {
    orders.push(quoteIdent(ROW_NUMBER_COLUMN));
  }
  if (orders.length > 0) sql += ` ORDER BY ${orders.join(', ')}`;
  return sql;
}

/** The expression is relevance(), directly or through an alias. */
function isRelevance(ctx: CompileContext, expr: Expr): boolean {
  if (expr.kind === 'Call') return expr.name === 'relevance';
  if (expr.kind !== 'Identifier') return false;
  const target = ctx.analysis.resolved.get(expr);
  return target !== undefined && !('label' in target) && isRelevance(ctx, target);
}

/** The WHERE conjuncts: where clauses, then refines and excludes. */
export function compileConditions(
  ctx: CompileContext,
  plan: Pick<QueryPlan, 'conditions' | 'facetFilters'>,
): string[] {
  const out: string[] = [];
  for (const condition of plan.conditions) out.push(asCondition(ctx, condition));
  // Refines of a `disjunctive` facet are alternatives (ORed); all else is ANDed.
  const disjunctive = new Map<string, string[]>();
  for (const filter of plan.facetFilters) {
    const sql = facetCondition(ctx, filter);
    if (filter.exclude || !hasAnnotation(filter.field, 'disjunctive')) {
      out.push(sql);
    } else {
      const alternatives = disjunctive.get(filter.field.name);
      if (alternatives) alternatives.push(sql);
      else disjunctive.set(filter.field.name, [sql]);
    }
  }
  for (const alternatives of disjunctive.values()) {
    out.push(
      alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`,
    );
  }
  return out;
}

/** A condition in WHERE; a bare boolean field means `IS TRUE`. */
function asCondition(ctx: CompileContext, node: Expr): string {
  const sql = compileExpr(ctx, node);
  return node.kind === 'Identifier' && infoOf(ctx, node).type === 'boolean'
    ? `${sql} IS TRUE`
    : sql;
}

function facetCondition(ctx: CompileContext, planned: PlannedFacetFilter): string {
  const { filter, field } = planned;
  const clause = planned.exclude ? 'exclude' : 'refine';
  const sql = compileFacetValue(ctx, field, filter.value, clause, filter.valueSpan);
  return planned.exclude ? `(${sql}) IS NOT TRUE` : sql;
}
