// The predicates of ODSQL evaluated on one record: comparisons (with date literals read as
// periods), ranges, IN lists, full-text matches and `field:value` refine terms, as closures
// over the record's cells (see evaluate.ts).

import type { Field } from '../core/field.ts';
import { isMultivalued } from '../core/field.ts';
import type { CompareOp, Comparison, Expr, Identifier } from './ast.ts';
import { ftsTerms } from './compile/fts-query.ts';
import type { DateParts } from './dates.ts';
import { parseDatePath, parseDateText } from './dates.ts';
import { odsqlError } from './errors.ts';
import type { RowContext } from './evaluate.ts';
import {
  cellOf,
  compileNode,
  constant,
  dateParts,
  fieldOf,
  infoOf,
  isTemporal,
  valueAs,
} from './evaluate.ts';
import { foldTerms, matchesTerms } from './evaluate-text.ts';
import type { Getter, TemporalType } from './evaluate-values.ts';
import { compare, member, periodComparison } from './evaluate-values.ts';
import type { ExprInfo } from './types.ts';

function literalDate(node: Expr): DateParts | null {
  if (node.kind === 'DateLiteral') return parseDateText(node.text);
  if (node.kind === 'StringLiteral') return parseDateText(node.value);
  return null;
}

/** True when `node` already is a stored value of `type` (not a literal to convert). */
function isTemporalValue(ctx: RowContext, node: Expr, type: TemporalType): boolean {
  if (node.kind === 'DateLiteral' || node.kind === 'StringLiteral') return false;
  if (node.kind === 'Call' && node.name === 'now') return false;
  return infoOf(ctx, node).type === type;
}

const FLIPPED: Record<CompareOp, CompareOp> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '>': '<',
  '<=': '>=',
  '>=': '<=',
};

export function comparison(ctx: RowContext, node: Comparison): Getter {
  const left = infoOf(ctx, node.left);
  const right = infoOf(ctx, node.right);
  const op = node.op;
  if ((op === '=' || op === '!=') && (left.multivalued || right.multivalued)) {
    const [listNode, valueNode] = left.multivalued
      ? [node.left, node.right]
      : [node.right, node.left];
    const list = compileNode(ctx, listNode);
    const value = valueAs(ctx, valueNode, infoOf(ctx, listNode));
    if (op === '=') return (row) => member(list(row), value(row));
    return (row) => {
      const items = list(row);
      return items !== null && items !== undefined && !member(items, value(row));
    };
  }
  if (isTemporal(left.type) && !isTemporalValue(ctx, node.right, left.type)) {
    return temporalComparison(ctx, node.left, op, node.right, left);
  }
  if (isTemporal(right.type) && !isTemporalValue(ctx, node.left, right.type)) {
    return temporalComparison(ctx, node.right, FLIPPED[op], node.left, right);
  }
  const a = valueAs(ctx, node.left, right);
  const b = valueAs(ctx, node.right, left);
  return (row) => compare(a(row), b(row), op);
}

function temporalComparison(
  ctx: RowContext,
  operand: Expr,
  op: CompareOp,
  other: Expr,
  info: ExprInfo,
): Getter {
  const value = compileNode(ctx, operand);
  const parts = literalDate(other);
  const type = info.type as TemporalType;
  if (parts) return periodComparison(value, op, parts, type, ctx.timeZone);
  const b = valueAs(ctx, other, info);
  return (row) => compare(value(row), b(row), op);
}

export function rangeBound(ctx: RowContext, operand: Expr, op: CompareOp, bound: Expr): Getter {
  const info = infoOf(ctx, operand);
  const parts = isTemporal(info.type) ? literalDate(bound) : null;
  const value = compileNode(ctx, operand);
  if (parts) return periodComparison(value, op, parts, info.type as TemporalType, ctx.timeZone);
  const b = valueAs(ctx, bound, info);
  return (row) => compare(value(row), b(row), op);
}

export function inList(ctx: RowContext, operand: Expr, values: Expr[], negated: boolean): Getter {
  const info = infoOf(ctx, operand);
  const value = compileNode(ctx, operand);
  const items = values.map((v) => valueAs(ctx, v, info));
  let test: Getter;
  if (info.multivalued) {
    test = (row) => {
      const list = value(row);
      return items.some((item) => member(list, item(row)));
    };
  } else {
    test = (row) => {
      const v = value(row);
      if (v === null || v === undefined) return null;
      let unknown = false;
      for (const item of items) {
        const candidate = item(row);
        if (candidate === null || candidate === undefined) unknown = true;
        else if (candidate === v) return true;
      }
      return unknown ? null : false;
    };
  }
  return negated ? (row) => test(row) !== true : test;
}

/** Text fields (all of them when `fields` is null) hold every word of `text`. */
export function fullText(
  ctx: RowContext,
  text: string,
  fields: Field[] | null,
  mode: 'exact' | 'all_prefix' | 'fuzzy' = 'exact',
): Getter {
  const terms = foldTerms(ftsTerms(text, mode));
  if (terms.length === 0) return constant(true);
  const targets = (fields ?? ctx.fields).filter((f) => f.type === 'text');
  if (targets.length === 0) return constant(false);
  const cells = targets.map((f) => cellOf(ctx, f));
  return (row) =>
    matchesTerms(
      cells.map((cell) => cell(row)),
      terms,
    );
}

/** `field:value`: a string value reads as a refine value; other literals as equality. */
export function term(ctx: RowContext, id: Identifier, value: Expr): Getter {
  const field = fieldOf(ctx, id);
  const cell = cellOf(ctx, field);
  if (value.kind === 'StringLiteral') return facetValue(ctx, field, value.value, value);
  if (value.kind === 'InRange') return compileNode(ctx, value);
  if (value.kind === 'DateLiteral' && isTemporal(field.type)) {
    return periodComparison(cell, '=', dateParts(ctx, value), field.type, ctx.timeZone);
  }
  if (value.kind === 'NullLiteral') return (row) => cell(row) === null;
  const v = valueAs(ctx, value, infoOf(ctx, id));
  if (isMultivalued(field)) return (row) => member(cell(row), v(row));
  return (row) => compare(cell(row), v(row), '=');
}

function facetValue(ctx: RowContext, field: Field, value: string, node: Expr): Getter {
  const cell = cellOf(ctx, field);
  const fail = (what: string): never => {
    throw odsqlError(
      `${what} for ${field.name}: ${JSON.stringify(value)}`,
      ctx.clause,
      node.start,
      node.end,
    );
  };
  switch (field.type) {
    case 'text': {
      if (isMultivalued(field)) return (row) => member(cell(row), value);
      const separator = field.annotations['hierarchical']?.[0];
      if (separator === undefined) return (row) => compare(cell(row), value, '=');
      const prefix = value + separator;
      return (row) => {
        const v = cell(row);
        return typeof v === 'string' ? v === value || v.startsWith(prefix) : null;
      };
    }
    case 'int':
    case 'double': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) fail('Invalid number');
      return (row) => compare(cell(row), n, '=');
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (!['true', 'false', '1', '0'].includes(lower)) fail('Invalid boolean');
      const bool = lower === 'true' || lower === '1';
      return (row) => compare(cell(row), bool, '=');
    }
    case 'date':
    case 'datetime': {
      const parts = parseDatePath(value) ?? parseDateText(value);
      if (!parts) return fail('Invalid date');
      return periodComparison(cell, '=', parts, field.type, ctx.timeZone);
    }
    default:
      return fail('Cannot filter on this field type');
  }
}
