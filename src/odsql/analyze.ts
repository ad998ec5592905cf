// The analyzer: resolves names against the dataset schema and the query's aliases, assigns a
// type to every expression, and checks functions, clauses and operand types. It records what it
// finds in an Analysis that the compiler reads; the AST itself stays untouched.

import type { Field } from '../core/field.ts';
import { isMultivalued } from '../core/field.ts';
import type { Call, Expr, Identifier } from './ast.ts';
import { parseDateText } from './dates.ts';
import type { Clause } from './errors.ts';
import { odsqlError } from './errors.ts';
import type { ArgKind } from './functions.ts';
import { findFunction } from './functions.ts';
import type { ErrorAt } from './analyze-calls.ts';
import {
  checkArgumentKind,
  checkCallValues,
  checkCluster,
  checkGeometryMode,
  checkNowArguments,
  rangeType,
} from './analyze-calls.ts';
import { coercible, describe, INTERVAL_UNITS, unorderedSide, valueKind } from './analyze-rules.ts';
import { parseGeometry } from './geometry.ts';
import type { Analysis, Scope } from './analyze-scope.ts';
import { isField } from './analyze-scope.ts';
import type { ExprInfo, ValueType } from './types.ts';
import { isNumeric, isTemporal } from './types.ts';

const info = (type: ValueType, aggregate = false, multivalued = false): ExprInfo => ({
  type,
  aggregate,
  multivalued,
});
const BOOLEAN = info('boolean');

class Analyzer {
  private readonly resolving = new Set<string>();
  private inAggregate = false;

  constructor(
    private readonly scope: Scope,
    private readonly analysis: Analysis,
    private readonly clause: Clause,
  ) {}

  error(message: string, node: { start: number; end: number }): Error {
    return odsqlError(message, this.clause, node.start, node.end);
  }

  private readonly errorAt: ErrorAt = (message, node) => this.error(message, node);

  expr(node: Expr): ExprInfo {
    const result = this.visit(node);
    this.analysis.info.set(node, result);
    return result;
  }

  /** An expression used as a condition: must be boolean. */
  condition(node: Expr): ExprInfo {
    const result = this.expr(node);
    if (result.type !== 'boolean') {
      throw this.error('Expected a condition', node);
    }
    return result;
  }

  private visit(node: Expr): ExprInfo {
    switch (node.kind) {
      case 'StringLiteral':
        return info('text');
      case 'NumberLiteral':
        return info(node.integer ? 'int' : 'double');
      case 'BooleanLiteral':
        return info('boolean');
      case 'NullLiteral':
        return info('null');
      case 'UnitLiteral':
        return info('unit');
      case 'DateLiteral': {
        const parts = parseDateText(node.text);
        if (!parts) throw this.error(`Invalid date: ${JSON.stringify(node.text)}`, node);
        this.analysis.dates.set(node, parts);
        return info('datetime');
      }
      case 'GeomLiteral': {
        const geometry = parseGeometry(node.text);
        if (!geometry) throw this.error(`Invalid geometry: ${JSON.stringify(node.text)}`, node);
        this.analysis.geometries.set(node, geometry);
        return info('geom');
      }
      case 'Identifier':
        return this.identifier(node);
      case 'Star':
        throw this.error('Unexpected "*"', node);
      case 'NamedArgument':
        throw this.error(`Unexpected named argument "${node.name}"`, node);
      case 'Call':
        return this.call(node);
      case 'Unary': {
        const operand = this.expr(node.operand);
        if (!isNumeric(operand.type)) throw this.error('Expected a number', node.operand);
        return operand;
      }
      case 'Arithmetic': {
        const left = this.expr(node.left);
        const right = this.expr(node.right);
        if (!isNumeric(left.type)) throw this.error('Expected a number', node.left);
        if (!isNumeric(right.type)) throw this.error('Expected a number', node.right);
        const integer = left.type === 'int' && right.type === 'int' && node.op !== '/';
        return info(integer ? 'int' : 'double', left.aggregate || right.aggregate);
      }
      case 'Comparison': {
        const left = this.expr(node.left);
        const right = this.expr(node.right);
        this.comparable(left, node.left);
        this.comparable(right, node.right);
        this.compatible(node.left, left, node.right, right);
        const list = unorderedSide(node, left, right);
        if (list) throw this.error(`A multivalued field cannot be compared with ${node.op}`, list);
        return info('boolean', left.aggregate || right.aggregate);
      }
      case 'Logical': {
        const left = this.condition(node.left);
        const right = this.condition(node.right);
        return info('boolean', left.aggregate || right.aggregate);
      }
      case 'Not':
        return info('boolean', this.condition(node.operand).aggregate);
      case 'IsNull':
        return info('boolean', this.expr(node.operand).aggregate);
      case 'IsBoolean': {
        const operand = this.expr(node.operand);
        if (operand.type !== 'boolean' && operand.type !== 'null') {
          throw this.error('Expected a boolean', node.operand);
        }
        return BOOLEAN;
      }
      case 'InList': {
        const operand = this.expr(node.operand);
        this.comparable(operand, node.operand);
        for (const value of node.values) {
          this.compatible(node.operand, operand, value, this.literal(value));
        }
        return BOOLEAN;
      }
      case 'InRange': {
        const operand = this.expr(node.operand);
        const text = operand.type === 'text' && !operand.multivalued;
        if (!isNumeric(operand.type) && !isTemporal(operand.type) && !text) {
          throw this.error('Expected a number, a date or a single text value', node.operand);
        }
        this.compatible(node.operand, operand, node.low, this.literal(node.low));
        this.compatible(node.operand, operand, node.high, this.literal(node.high));
        return BOOLEAN;
      }
      case 'InField': {
        const value = this.literal(node.value);
        this.fieldOf(node.field);
        const field = this.analysis.info.get(node.field) as ExprInfo;
        this.compatible(node.field, field, node.value, value);
        return BOOLEAN;
      }
      case 'Like': {
        const field = this.fieldOf(node.operand);
        if (field.type !== 'text') throw this.error('LIKE needs a text field', node.operand);
        return BOOLEAN;
      }
      case 'Term': {
        const field = this.fieldOf(node.field);
        if (field.type === 'geo_point_2d' || field.type === 'geo_shape') {
          throw this.error(`Cannot filter on the geo field ${field.name} with ":"`, node.field);
        }
        const value = this.literal(node.value);
        if (node.value.kind !== 'StringLiteral') {
          const fieldInfo = this.analysis.info.get(node.field) as ExprInfo;
          this.compatible(node.field, fieldInfo, node.value, value);
        }
        return BOOLEAN;
      }
      case 'FullText':
        return BOOLEAN;
    }
  }

  private comparable(operand: ExprInfo, node: Expr): void {
    const t = operand.type;
    if (t === 'geo_point_2d' || t === 'geo_shape' || t === 'geom' || t === 'json_blob') {
      throw this.error('This value cannot be compared', node);
    }
  }

  /**
   * Two operands that meet in a comparison (or ifnull): the same kind of value, or a literal
   * that reads as the other side's kind (`'12'` for a number, `'2019-03'` for a date…).
   */
  compatible(a: Expr, ai: ExprInfo, b: Expr, bi: ExprInfo): void {
    const ka = valueKind(ai.type);
    const kb = valueKind(bi.type);
    if (ka === kb || ka === 'null' || kb === 'null') return;
    if (coercible(b, ka) || coercible(a, kb)) return;
    throw this.error(`Cannot compare ${describe(ai.type)} with ${describe(bi.type)}`, b);
  }

  /** A literal value (list items, range bounds, term values). */
  private literal(node: Expr): ExprInfo {
    const result = this.expr(node);
    const literalKinds = ['StringLiteral', 'NumberLiteral', 'BooleanLiteral', 'NullLiteral'];
    if (!literalKinds.includes(node.kind) && node.kind !== 'DateLiteral') {
      throw this.error('Expected a literal value', node);
    }
    return result;
  }

  private identifier(node: Identifier): ExprInfo {
    const target = this.resolve(node);
    if (isField(target)) {
      return info(target.type, false, target.type === 'text' && isMultivalued(target));
    }
    // `l * 2 as l`: an alias inside its own expression, with no field of that name.
    if (this.resolving.has(node.name)) throw this.error(`Unknown field: ${node.name}`, node);
    this.resolving.add(node.name);
    try {
      return this.expr(target);
    } finally {
      this.resolving.delete(node.name);
    }
  }

  private resolve(node: Identifier): Field | Expr {
    const known = this.analysis.resolved.get(node);
    if (known) return known;
    const name = node.name;
    const field = this.scope.fields.get(name) ?? this.scope.fields.get(name.toLowerCase());
    const alias = this.resolving.has(name)
      ? undefined
      : (this.scope.selectAliases.get(name) ?? this.scope.groupAliases.get(name));
    const target = this.clause === 'order_by' ? (alias ?? field) : (field ?? alias);
    if (!target) throw this.error(`Unknown field: ${name}`, node);
    this.analysis.resolved.set(node, target);
    return target;
  }

  /** An expression that must name a field directly. */
  fieldOf(node: Expr): Field {
    if (node.kind !== 'Identifier') throw this.error('Expected a field name', node);
    this.expr(node);
    const target = this.analysis.resolved.get(node);
    if (!isField(target)) throw this.error('Expected a field name', node);
    return target;
  }

  private call(node: Call): ExprInfo {
    const spec = findFunction(node.name);
    if (!spec) throw this.error(`Unknown function: ${node.name}()`, node.nameSpan);
    const legacyDistance = node.name === 'distance' && node.args.length === 3;
    const clauses = legacyDistance ? ['where'] : spec.clauses;
    if (!clauses.includes(this.clause)) {
      throw this.error(`${node.name}() is not allowed in ${this.clause}`, node.nameSpan);
    }
    if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
      throw this.error(`Wrong number of arguments for ${node.name}()`, node);
    }
    if (node.distinct && node.name !== 'count') throw this.error('Unexpected DISTINCT', node);
    const aggregate = spec.kind === 'aggregate';
    if (aggregate && this.inAggregate) throw this.error('Aggregates cannot be nested', node);
    const outer = this.inAggregate;
    this.inAggregate = outer || aggregate;
    try {
      const args = this.arguments(node, spec.args);
      let type: ValueType = spec.returns === 'arg0' ? (args[0]?.type ?? 'null') : spec.returns;
      if (legacyDistance) type = 'boolean';
      if (node.name === 'range') type = rangeType(node, args, this.errorAt);
      if (node.name === 'geo_cluster') checkCluster(node, this.errorAt);
      checkCallValues(node, type, this.errorAt);
      if (node.name === 'ifnull') {
        const [a, b] = node.args as [Expr, Expr];
        this.compatible(a, args[0] as ExprInfo, b, args[1] as ExprInfo);
      }
      if (node.name === 'sum' && type !== 'int') type = 'double';
      const anyAggregate = aggregate || args.some((a) => a.aggregate);
      const multivalued = node.name === 'ifnull' && (args[0]?.multivalued ?? false);
      return info(type, anyAggregate, multivalued);
    } finally {
      this.inAggregate = outer;
    }
  }

  private arguments(node: Call, kinds: readonly ArgKind[]): ExprInfo[] {
    const name = node.name;
    if (name === 'now') {
      checkNowArguments(node, this.errorAt);
      return [];
    }
    if (name === 'search' || name === 'suggest' || name === 'startswith') {
      return this.searchArguments(node);
    }
    if (name === 'count' && node.args[0]?.kind === 'Star') return [info('int')];
    return node.args.map((arg, i) => {
      const kind = kinds[Math.min(i, kinds.length - 1)] as ArgKind;
      if (name === 'geometry' && i === 2) {
        checkGeometryMode(arg, this.errorAt);
        return info('text');
      }
      if (name === 'json_format' && i === 1) {
        if (arg.kind !== 'StringLiteral' && arg.kind !== 'NullLiteral') {
          throw this.error('json_format() expects a string or null fallback', arg);
        }
        return info('text');
      }
      return this.argument(arg, kind, name);
    });
  }

  private argument(arg: Expr, kind: ArgKind, fn: string): ExprInfo {
    if (kind === 'step' && arg.kind === 'Star') return info('star');
    if (kind === 'step' && arg.kind === 'UnitLiteral') {
      if (!INTERVAL_UNITS.has(arg.unit)) throw this.error(`Unknown interval unit ${arg.unit}`, arg);
      return info('unit');
    }
    if (kind === 'geo' || kind === 'geo_point') {
      const field = this.fieldOf(arg);
      const ok = kind === 'geo' && field.type === 'geo_shape';
      if (field.type !== 'geo_point_2d' && !ok) throw this.error('Expected a geo field', arg);
      return this.analysis.info.get(arg) as ExprInfo;
    }
    const result = this.expr(arg);
    checkArgumentKind(arg, kind, result, fn, this.errorAt);
    return result;
  }

  private searchArguments(node: Call): ExprInfo[] {
    const args = node.args;
    const text = args[args.length - 1] as Expr;
    if (text.kind !== 'StringLiteral') throw this.error(`${node.name}() expects a string`, text);
    const fields = args.slice(0, -1);
    if (fields.length === 1 && fields[0]?.kind === 'Star') return [];
    for (const arg of fields) {
      const field = this.fieldOf(arg);
      if (field.type !== 'text') throw this.error('Expected a text field', arg);
    }
    return [];
  }
}

/** Analyzes one expression of `clause`; returns its info and fills `analysis`. */
export function analyzeExpr(
  node: Expr,
  clause: Clause,
  scope: Scope,
  analysis: Analysis,
): ExprInfo {
  return new Analyzer(scope, analysis, clause).expr(node);
}

/** Analyzes a condition (where, or a term filter). */
export function analyzeCondition(
  node: Expr,
  clause: Clause,
  scope: Scope,
  analysis: Analysis,
): ExprInfo {
  const result = new Analyzer(scope, analysis, clause).condition(node);
  if (result.aggregate) throw odsqlError('Aggregates are not allowed here', clause, node.start);
  return result;
}
