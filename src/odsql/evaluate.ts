// ODSQL evaluated on records in memory (the import processors): a parsed and analyzed
// expression becomes a tree of closures over the record's cells, built once, so evaluating a
// record allocates almost nothing. The semantics follow the SQL compiler (three-valued logic,
// NOT as "is not true", date literals as periods in the time zone). What has no meaning on one
// record (aggregates, grouping, geo predicates) is refused when the expression is compiled.

import type { Field } from '../core/field.ts';
import { isMultivalued } from '../core/field.ts';
import type { Analysis } from './analyze-scope.ts';
import { createAnalysis, createScope, isField } from './analyze-scope.ts';
import { analyzeCondition, analyzeExpr } from './analyze.ts';
import type { Expr } from './ast.ts';
import type { Language } from './date-names.ts';
import { DEFAULT_LANGUAGE } from './date-names.ts';
import type { DateParts } from './dates.ts';
import { parseDateText } from './dates.ts';
import type { Clause } from './errors.ts';
import { odsqlError } from './errors.ts';
import { compileRowCall } from './evaluate-calls.ts';
import { comparison, fullText, inList, rangeBound, term } from './evaluate-predicates.ts';
import type { Getter, TemporalType } from './evaluate-values.ts';
import { and, compare, instantAs, member, or, temporalOf } from './evaluate-values.ts';
import { Cursor } from './parser/cursor.ts';
import { parseCondition } from './parser/expression.ts';
import { parseWhere } from './parser/where.ts';
import type { ExprInfo, ValueType } from './types.ts';
import { outputType } from './types.ts';

export type { Getter } from './evaluate-values.ts';

export interface RowScope {
  /** The record's fields, by position of their cells. */
  fields: readonly Field[];
  /** Where each field's cell is in the row (default: its position in `fields`). */
  slots?: ReadonlyMap<string, number>;
  /** IANA zone of date literals and date parts (default UTC). */
  timeZone?: string;
  lang?: Language;
  /** The instant now() starts from (default: when the expression is compiled). */
  now?: number;
}

export interface RowContext {
  analysis: Analysis;
  clause: Clause;
  fields: readonly Field[];
  slots: ReadonlyMap<string, number>;
  timeZone: string;
  lang: Language;
  now: number;
}

function contextOf(scope: RowScope, clause: Clause): RowContext {
  const slots = scope.slots ?? new Map(scope.fields.map((f, i) => [f.name, i]));
  return {
    analysis: createAnalysis(),
    clause,
    fields: scope.fields,
    slots,
    timeZone: scope.timeZone ?? 'UTC',
    lang: scope.lang ?? DEFAULT_LANGUAGE,
    now: scope.now ?? Date.now(),
  };
}

/** A where-like condition: the function answers true only when the record matches. */
export function compileRowCondition(
  text: string,
  scope: RowScope,
): (row: readonly unknown[]) => boolean {
  const ctx = contextOf(scope, 'where');
  const node = parseWhere(text);
  if (node === null) throw odsqlError('An empty condition', 'where', 0);
  analyzeCondition(node, 'where', createScope([...scope.fields]), ctx.analysis);
  const test = compileNode(ctx, node);
  return (row) => test(row) === true;
}

export interface RowValue {
  /** The field type of the values (a literal null gives text). */
  type: ValueType;
  multivalued: boolean;
  evaluate: Getter;
}

/** A value expression (as in select): `upper(city)`, `price * 1.2`, `year(date) - 2000`. */
export function compileRowValue(text: string, scope: RowScope): RowValue {
  const ctx = contextOf(scope, 'select');
  const c = new Cursor(text, 'select');
  if (c.atEnd()) throw odsqlError('An empty expression', 'select', 0);
  const node = parseCondition(c);
  c.expectEnd();
  const info = analyzeExpr(node, 'select', createScope([...scope.fields]), ctx.analysis);
  if (info.aggregate) throw odsqlError('Aggregates are not allowed here', 'select', node.start);
  if (info.type === 'geom' || info.type === 'unit' || info.type === 'star') {
    throw odsqlError('Expected a value', 'select', node.start, node.end);
  }
  return {
    type: outputType(info.type),
    multivalued: info.multivalued,
    evaluate: compileNode(ctx, node),
  };
}

export function infoOf(ctx: RowContext, node: Expr): ExprInfo {
  return ctx.analysis.info.get(node) ?? { type: 'null', multivalued: false, aggregate: false };
}

export function unsupported(ctx: RowContext, what: string, node: Expr): never {
  throw odsqlError(`${what} is not supported on one record`, ctx.clause, node.start, node.end);
}

export function fieldOf(ctx: RowContext, node: Expr): Field {
  const target = node.kind === 'Identifier' ? ctx.analysis.resolved.get(node) : undefined;
  if (!isField(target)) return unsupported(ctx, 'This expression', node);
  return target;
}

export function cellOf(ctx: RowContext, field: Field): Getter {
  const slot = ctx.slots.get(field.name);
  if (slot === undefined) throw odsqlError(`Unknown field: ${field.name}`, ctx.clause, 0);
  return (row) => row[slot] ?? null;
}

export const constant =
  (value: unknown): Getter =>
  () =>
    value;

export function compileNode(ctx: RowContext, node: Expr): Getter {
  switch (node.kind) {
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return constant(node.value);
    case 'UnitLiteral':
      return constant(node.value);
    case 'NullLiteral':
      return constant(null);
    case 'DateLiteral':
      return constant(temporalOf(dateParts(ctx, node), 'datetime', ctx.timeZone));
    case 'Identifier':
      return cellOf(ctx, fieldOf(ctx, node));
    case 'Call':
      return compileRowCall(ctx, node);
    case 'Unary': {
      const operand = compileNode(ctx, node.operand);
      if (node.op === '+') return operand;
      return (row) => {
        const v = operand(row);
        return typeof v === 'number' ? -v : null;
      };
    }
    case 'Arithmetic':
      return arithmetic(ctx, node.op, compileNode(ctx, node.left), compileNode(ctx, node.right));
    case 'Comparison':
      return comparison(ctx, node);
    case 'Logical': {
      const left = compileNode(ctx, node.left);
      const right = compileNode(ctx, node.right);
      return node.op === 'and'
        ? (row) => and(left(row), right(row))
        : (row) => or(left(row), right(row));
    }
    case 'Not': {
      const operand = compileNode(ctx, node.operand);
      return (row) => operand(row) !== true;
    }
    case 'IsNull': {
      const operand = compileNode(ctx, node.operand);
      const negated = node.negated;
      return (row) => {
        const v = operand(row);
        return (v === null || v === undefined) !== negated;
      };
    }
    case 'IsBoolean': {
      const operand = compileNode(ctx, node.operand);
      const { value, negated } = node;
      return (row) => (operand(row) === value) !== negated;
    }
    case 'InList':
      return inList(ctx, node.operand, node.values, node.negated);
    case 'InRange': {
      const low = rangeBound(ctx, node.operand, node.lowInclusive ? '>=' : '>', node.low);
      const high = rangeBound(ctx, node.operand, node.highInclusive ? '<=' : '<', node.high);
      if (node.negated) return (row) => and(low(row), high(row)) !== true;
      return (row) => and(low(row), high(row));
    }
    case 'InField': {
      const field = fieldOf(ctx, node.field);
      const cell = cellOf(ctx, field);
      const value = valueAs(ctx, node.value, infoOf(ctx, node.field));
      const test: Getter = isMultivalued(field)
        ? (row) => member(cell(row), value(row))
        : (row) => compare(cell(row), value(row), '=');
      return node.negated ? (row) => test(row) !== true : test;
    }
    case 'Like': {
      const field = fieldOf(ctx, node.operand);
      const test = fullText(ctx, node.pattern.value, [field]);
      return node.negated ? (row) => test(row) !== true : test;
    }
    case 'Term':
      return term(ctx, node.field, node.value);
    case 'FullText':
      return fullText(ctx, node.text, null);
    case 'GeomLiteral':
      return unsupported(ctx, 'A geometry value', node);
    case 'Star':
    case 'NamedArgument':
      return unsupported(ctx, node.kind, node);
  }
}

function arithmetic(ctx: RowContext, op: string, left: Getter, right: Getter): Getter {
  const both =
    (f: (a: number, b: number) => number): Getter =>
    (row) => {
      const a = left(row);
      const b = right(row);
      if (typeof a !== 'number' || typeof b !== 'number') return null;
      const result = f(a, b);
      return Number.isFinite(result) ? result : null;
    };
  switch (op) {
    case '+':
      return both((a, b) => a + b);
    case '-':
      return both((a, b) => a - b);
    case '*':
      return both((a, b) => a * b);
    default:
      // Division by zero is null, as on PostgreSQL (NULLIF) and SQLite.
      void ctx;
      return both((a, b) => (b === 0 ? NaN : a / b));
  }
}

export function dateParts(ctx: RowContext, node: Expr): DateParts {
  if (node.kind === 'DateLiteral') {
    const parts = ctx.analysis.dates.get(node) ?? parseDateText(node.text);
    if (parts) return parts;
  }
  if (node.kind === 'StringLiteral') {
    const parts = parseDateText(node.value);
    if (parts) return parts;
  }
  throw odsqlError('Invalid date', ctx.clause, node.start, node.end);
}

export function isTemporal(type: ValueType): type is TemporalType {
  return type === 'date' || type === 'datetime';
}

/** `node` as a value comparable with an operand of type `target` (literals converted). */
export function valueAs(ctx: RowContext, node: Expr, target: ExprInfo): Getter {
  const type = target.type;
  if (isTemporal(type)) {
    if (node.kind === 'DateLiteral')
      return constant(temporalOf(dateParts(ctx, node), type, ctx.timeZone));
    if (node.kind === 'StringLiteral' && parseDateText(node.value)) {
      return constant(temporalOf(dateParts(ctx, node), type, ctx.timeZone));
    }
    if (node.kind === 'Call' && node.name === 'now') {
      const ms = compileNode(ctx, node)([]) as number;
      return constant(instantAs(ms, type, ctx.timeZone));
    }
  }
  if (type === 'text' && node.kind === 'NumberLiteral') return constant(String(node.value));
  if ((type === 'int' || type === 'double') && node.kind === 'StringLiteral') {
    const n = Number(node.value.trim());
    if (node.value.trim() !== '' && Number.isFinite(n)) return constant(n);
  }
  if (type === 'boolean' && node.kind === 'StringLiteral') {
    const lower = node.value.toLowerCase();
    if (lower === 'true' || lower === 'false') return constant(lower === 'true');
  }
  const value = compileNode(ctx, node);
  const own = infoOf(ctx, node).type;
  // A date meeting a datetime: its midnight UTC, so the two compare as instants.
  if (type === 'datetime' && own === 'date') {
    return (row) => {
      const v = value(row);
      return typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) : null;
    };
  }
  return value;
}
