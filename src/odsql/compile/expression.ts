// The generic expression compiler: AST node → SQL text, values as parameters. Dialect-specific
// pieces go through ctx.dialect.

import { latColumn } from '../../core/columns.ts';
import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import { isField } from '../analyze-scope.ts';
import type { CompareOp, Comparison, Expr, Identifier } from '../ast.ts';
import type { DateParts } from '../dates.ts';
import { parseDateText } from '../dates.ts';
import { odsqlError } from '../errors.ts';
import type { ExprInfo } from '../types.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import type { TemporalType } from './dialect.ts';
import { compileFacetValue } from './facet.ts';
import { compileCall, nowInstant } from './calls.ts';
import { compileFullText } from './search.ts';
import { valueColumn } from './unnest.ts';
import { comparePeriod, instantValue, periodCondition, temporalValue } from './temporal.ts';

export function infoOf(ctx: CompileContext, node: Expr): ExprInfo {
  return ctx.analysis.info.get(node) ?? { type: 'null', multivalued: false, aggregate: false };
}

/** The field an identifier names (through aliases), or undefined. */
export function fieldOf(ctx: CompileContext, node: Expr): Field | undefined {
  if (node.kind !== 'Identifier') return undefined;
  const target = ctx.analysis.resolved.get(node);
  if (isField(target)) return target;
  return target ? fieldOf(ctx, target) : undefined;
}

export function column(field: Field): string {
  return quoteIdent(field.name);
}

export function compileExpr(ctx: CompileContext, node: Expr): string {
  const { dialect, params } = ctx;
  switch (node.kind) {
    case 'StringLiteral':
      return dialect.textParam(params.add(node.value));
    case 'NumberLiteral':
      return dialect.numberParam(params.add(node.value), node.integer);
    case 'UnitLiteral':
      return dialect.numberParam(params.add(node.value), false);
    case 'BooleanLiteral':
      return dialect.booleanParam(params.add(dialect.booleanValue(node.value)));
    case 'NullLiteral':
      return 'NULL';
    case 'DateLiteral':
      return temporalValue(ctx, dateParts(ctx, node), 'datetime');
    case 'GeomLiteral':
      return params.add(JSON.stringify(ctx.analysis.geometries.get(node)));
    case 'Identifier':
      return compileIdentifier(ctx, node);
    case 'Call':
      return compileCall(ctx, node);
    case 'Unary':
      return node.op === '-'
        ? `(-${compileExpr(ctx, node.operand)})`
        : compileExpr(ctx, node.operand);
    case 'Arithmetic': {
      const left = compileExpr(ctx, node.left);
      const right = compileExpr(ctx, node.right);
      if (node.op === '/') return dialect.divide(left, right);
      return `(${left} ${node.op} ${right})`;
    }
    case 'Comparison':
      return compileComparison(ctx, node);
    case 'Logical': {
      const op = node.op === 'and' ? ' AND ' : ' OR ';
      return `(${compileExpr(ctx, node.left)}${op}${compileExpr(ctx, node.right)})`;
    }
    case 'Not':
      return `(${compileExpr(ctx, node.operand)}) IS NOT TRUE`;
    case 'IsNull':
      return `${compileExpr(ctx, node.operand)} IS ${node.negated ? 'NOT ' : ''}NULL`;
    case 'IsBoolean': {
      const value = node.value !== node.negated ? 'TRUE' : 'FALSE';
      const operand = compileExpr(ctx, node.operand);
      return node.negated
        ? `(${operand} IS NOT ${node.value ? 'TRUE' : 'FALSE'})`
        : `${operand} IS ${value}`;
    }
    case 'InList': {
      const info = infoOf(ctx, node.operand);
      let sql: string;
      if (info.multivalued) {
        const items = node.values.map((v) =>
          dialect.membership(compileExpr(ctx, node.operand), valueAs(ctx, v, info)),
        );
        sql = `(${items.join(' OR ')})`;
      } else {
        const operand = compileExpr(ctx, node.operand);
        const values = node.values.map((v) => valueAs(ctx, v, info));
        sql = `${operand} IN (${values.join(', ')})`;
      }
      return node.negated ? `(${sql}) IS NOT TRUE` : sql;
    }
    case 'InRange': {
      // The operand is compiled twice: a fragment holding placeholders is never reused.
      const low = rangeBound(ctx, node.operand, node.lowInclusive ? '>=' : '>', node.low);
      const high = rangeBound(ctx, node.operand, node.highInclusive ? '<=' : '<', node.high);
      const sql = `(${low} AND ${high})`;
      return node.negated ? `${sql} IS NOT TRUE` : sql;
    }
    case 'InField': {
      const field = fieldOf(ctx, node.field) as Field;
      const sql = isMultivalued(field)
        ? dialect.membership(column(field), valueAs(ctx, node.value, infoOf(ctx, node.field)))
        : `${column(field)} = ${valueAs(ctx, node.value, infoOf(ctx, node.field))}`;
      return node.negated ? `(${sql}) IS NOT TRUE` : sql;
    }
    case 'Like': {
      const field = fieldOf(ctx, node.operand) as Field;
      const sql = compileFullText(ctx, node.pattern.value, [field], 'exact');
      return node.negated ? `(${sql}) IS NOT TRUE` : sql;
    }
    case 'Term':
      return compileTerm(ctx, node.field, node.value);
    case 'FullText':
      return compileFullText(ctx, node.text, null, 'exact');
    case 'Star':
    case 'NamedArgument':
      throw odsqlError(`Unexpected ${node.kind}`, 'select', node.start);
  }
}

function compileIdentifier(ctx: CompileContext, node: Identifier): string {
  const target = ctx.analysis.resolved.get(node);
  if (!target) throw odsqlError(`Unknown field: ${node.name}`, 'select', node.start);
  if (!isField(target)) return compileExpr(ctx, target);
  if (ctx.unnested.has(target.name)) return quoteIdent(valueColumn(target.name));
  switch (target.type) {
    case 'geo_point_2d':
      return quoteIdent(latColumn(target.name));
    default:
      return column(target);
  }
}

export function dateParts(ctx: CompileContext, node: Expr): DateParts {
  if (node.kind === 'DateLiteral') {
    const parts = ctx.analysis.dates.get(node) ?? parseDateText(node.text);
    if (parts) return parts;
  }
  if (node.kind === 'StringLiteral') {
    const parts = parseDateText(node.value);
    if (parts) return parts;
  }
  throw odsqlError('Invalid date', 'where', node.start, node.end);
}

/** Compiles `node` as a value comparable with an operand of type `target`. */
export function valueAs(ctx: CompileContext, node: Expr, target: ExprInfo): string {
  const type = target.type;
  if (type === 'date' || type === 'datetime') {
    if (node.kind === 'DateLiteral') return temporalValue(ctx, dateParts(ctx, node), type);
    if (node.kind === 'StringLiteral' && parseDateText(node.value)) {
      return temporalValue(ctx, dateParts(ctx, node), type);
    }
    if (node.kind === 'Call' && node.name === 'now')
      return instantValue(ctx, nowInstant(ctx, node), type);
  }
  if (type === 'text' && node.kind === 'NumberLiteral') {
    return ctx.dialect.textParam(ctx.params.add(String(node.value)));
  }
  if ((type === 'int' || type === 'double') && node.kind === 'StringLiteral') {
    const n = Number(node.value.trim());
    if (node.value.trim() !== '' && Number.isFinite(n)) {
      return ctx.dialect.numberParam(ctx.params.add(n), Number.isSafeInteger(n));
    }
  }
  if (type === 'boolean' && node.kind === 'StringLiteral') {
    const lower = node.value.toLowerCase();
    if (lower === 'true' || lower === 'false') {
      return ctx.dialect.booleanParam(ctx.params.add(ctx.dialect.booleanValue(lower === 'true')));
    }
  }
  return compileExpr(ctx, node);
}

function isTemporalType(type: string): type is TemporalType {
  return type === 'date' || type === 'datetime';
}

const FLIPPED: Record<CompareOp, CompareOp> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '>': '<',
  '<=': '>=',
  '>=': '<=',
};

/** The date a literal (date'…', a date string) names, when compared with a `type` value. */
function literalDate(node: Expr): DateParts | null {
  if (node.kind === 'DateLiteral' || node.kind === 'StringLiteral') {
    return parseDateText(node.kind === 'DateLiteral' ? node.text : node.value);
  }
  return null;
}

function compileComparison(ctx: CompileContext, node: Comparison): string {
  const left = infoOf(ctx, node.left);
  const right = infoOf(ctx, node.right);
  const { dialect } = ctx;
  if ((node.op === '=' || node.op === '!=') && (left.multivalued || right.multivalued)) {
    const [list, value] = left.multivalued ? [node.left, node.right] : [node.right, node.left];
    const text = infoOf(ctx, list);
    const member = (): string =>
      dialect.membership(compileExpr(ctx, list), valueAs(ctx, value, text));
    if (node.op === '=') return member();
    const present = `${compileExpr(ctx, list)} IS NOT NULL`;
    return `(${present} AND NOT ${member()})`;
  }
  if (isTemporalType(left.type) && !isTemporalColumn(ctx, node.right, left.type)) {
    const parts = literalDate(node.right);
    if (parts)
      return comparePeriod(ctx, () => compileExpr(ctx, node.left), node.op, parts, left.type);
    return `${compileExpr(ctx, node.left)} ${node.op} ${valueAs(ctx, node.right, left)}`;
  }
  if (isTemporalType(right.type) && !isTemporalColumn(ctx, node.left, right.type)) {
    const parts = literalDate(node.left);
    const op = FLIPPED[node.op];
    if (parts) return comparePeriod(ctx, () => compileExpr(ctx, node.right), op, parts, right.type);
    return `${compileExpr(ctx, node.right)} ${op} ${valueAs(ctx, node.left, right)}`;
  }
  return `${valueAs(ctx, node.left, right)} ${node.op} ${valueAs(ctx, node.right, left)}`;
}

/** One bound of `operand IN [low..high]`. */
function rangeBound(ctx: CompileContext, operand: Expr, op: CompareOp, bound: Expr): string {
  const info = infoOf(ctx, operand);
  const parts = isTemporalType(info.type) ? literalDate(bound) : null;
  if (parts && isTemporalType(info.type)) {
    return comparePeriod(ctx, () => compileExpr(ctx, operand), op, parts, info.type);
  }
  return `${compileExpr(ctx, operand)} ${op} ${valueAs(ctx, bound, info)}`;
}

/** True when `node` already is a value of `type` in storage (not a literal to convert). */
function isTemporalColumn(ctx: CompileContext, node: Expr, type: TemporalType): boolean {
  if (node.kind === 'DateLiteral' || node.kind === 'StringLiteral') return false;
  if (node.kind === 'Call' && node.name === 'now') return false;
  return infoOf(ctx, node).type === type;
}

/** `field:value` — a string value reads like a refine value; other literals as equality. */
function compileTerm(ctx: CompileContext, id: Identifier, value: Expr): string {
  const field = fieldOf(ctx, id) as Field;
  if (value.kind === 'StringLiteral')
    return compileFacetValue(ctx, field, value.value, 'where', value);
  if (value.kind === 'InRange') return compileExpr(ctx, value);
  if (value.kind === 'DateLiteral' && (field.type === 'date' || field.type === 'datetime')) {
    return periodCondition(ctx, column(field), dateParts(ctx, value), field.type);
  }
  if (value.kind === 'NullLiteral') return `${column(field)} IS NULL`;
  if (isMultivalued(field)) {
    return ctx.dialect.membership(column(field), valueAs(ctx, value, infoOf(ctx, id)));
  }
  return `${column(field)} = ${valueAs(ctx, value, infoOf(ctx, id))}`;
}
