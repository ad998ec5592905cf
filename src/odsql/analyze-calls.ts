// Argument rules of functions: the kind each argument must be, and the shapes of their own
// (range() steps, geo_cluster() zoom and radius, geometry() modes, now() units, percentile).
// Pure checks on the AST and the analyzed types.

import type { Call, Expr } from './ast.ts';
import type { ArgKind } from './functions.ts';
import { DISTANCE_UNITS } from './geometry.ts';
import { NOW_UNITS } from './analyze-rules.ts';
import type { ExprInfo, ValueType } from './types.ts';
import { isNumeric, isTemporal } from './types.ts';

/** Builds the error to throw for `node` (the analyzer's, with clause and position). */
export type ErrorAt = (message: string, node: { start: number; end: number }) => Error;

/** range(): checks the field and the steps; the key type (text labels or bucket starts). */
export function rangeType(node: Call, args: ExprInfo[], error: ErrorAt): ValueType {
  const field = args[0] as ExprInfo;
  const temporal = isTemporal(field.type);
  if (!temporal && !isNumeric(field.type)) {
    throw error('range() expects a number or a date', node.args[0] as Expr);
  }
  const steps = node.args.slice(1);
  const width = steps[0] as Expr;
  if (steps.length === 1 && width.kind !== 'Star' && width.kind !== 'DateLiteral') {
    if (temporal && width.kind !== 'UnitLiteral') {
      throw error('range() on a date expects an interval such as 1 day', width as Expr);
    }
    if (!temporal && width.kind !== 'NumberLiteral') {
      throw error('range() on a number expects a width', width as Expr);
    }
    if (width.kind === 'NumberLiteral' && !(width.value > 0)) {
      throw error('The range width must be positive', width);
    }
    if (width.kind === 'UnitLiteral' && !(width.value >= 1 && Number.isInteger(width.value))) {
      throw error('The interval must be a positive integer', width);
    }
    if (
      width.kind === 'UnitLiteral' &&
      width.value !== 1 &&
      /^(w|M|q|y|week|month|quarter|year)/.test(width.unit)
    ) {
      throw error('Week, month, quarter and year intervals only support 1', width);
    }
    const integer = field.type === 'int' && width.kind === 'NumberLiteral' && width.integer;
    return temporal ? field.type : integer ? 'int' : 'double';
  }
  steps.forEach((step, i) => {
    const star = step.kind === 'Star';
    if (star && i !== 0 && i !== steps.length - 1) throw error('Unexpected "*"', step);
    if (!star && temporal !== (step.kind === 'DateLiteral')) {
      throw error(`range() expects ${temporal ? 'dates' : 'numbers'} as bounds`, step);
    }
  });
  if (steps.filter((s) => s.kind !== 'Star').length === 0) {
    throw error('range() needs at least one bound', node);
  }
  return 'text';
}

export function checkCluster(node: Call, error: ErrorAt): void {
  const [, zoom, radius] = node.args;
  if (
    zoom?.kind === 'NumberLiteral' &&
    !(Number.isInteger(zoom.value) && zoom.value >= 0 && zoom.value <= 25)
  ) {
    throw error('The zoom must be an integer from 0 to 25', zoom);
  }
  if (radius?.kind === 'NumberLiteral' && !(radius.value > 0)) {
    throw error('The radius must be positive', radius);
  }
}

/** The third argument of the legacy geometry(): INTERSECTS, DISJOINT or WITHIN. */
export function checkGeometryMode(arg: Expr, error: ErrorAt): void {
  const mode = arg.kind === 'Identifier' ? arg.name.toLowerCase() : '';
  if (!['intersects', 'disjoint', 'within'].includes(mode)) {
    throw error('Expected INTERSECTS, DISJOINT or WITHIN', arg);
  }
}

export function checkNowArguments(node: Call, error: ErrorAt): void {
  for (const arg of node.args) {
    if (arg.kind !== 'NamedArgument' || !NOW_UNITS.has(arg.name)) {
      throw error('now() expects arguments such as days=-1', arg);
    }
    if (arg.value.kind !== 'NumberLiteral') throw error('Expected a number', arg.value);
  }
}

/** Values some functions accept only in a range: percentile's p, min/max's operand types. */
export function checkCallValues(node: Call, type: ValueType, error: ErrorAt): void {
  const p = node.args[1];
  if (
    node.name === 'percentile' &&
    p?.kind === 'NumberLiteral' &&
    !(p.value > 0 && p.value <= 100)
  ) {
    throw error('The percentile must be greater than 0 and at most 100', p);
  }
  if (
    (node.name === 'min' || node.name === 'max') &&
    !['text', 'int', 'double', 'date', 'datetime', 'boolean', 'null'].includes(type)
  ) {
    throw error(`${node.name}() expects a number, a date or a text`, node.args[0] as Expr);
  }
}

/** The shape or type an argument of `fn` must have, once analyzed as `result`. */
export function checkArgumentKind(
  arg: Expr,
  kind: ArgKind,
  result: ExprInfo,
  fn: string,
  error: ErrorAt,
): void {
  const t = result.type;
  const fail = (what: string): never => {
    throw error(`${fn}() expects ${what}`, arg);
  };
  switch (kind) {
    case 'number':
      if (!isNumeric(t)) fail('a number');
      break;
    case 'text':
      if (t !== 'text' && t !== 'null') fail('a text');
      if (fn === 'json_format' && result.multivalued) fail('a single-valued text');
      break;
    case 'temporal':
      if (!isTemporal(t) && t !== 'null') fail('a date');
      break;
    case 'string':
      if (arg.kind !== 'StringLiteral') fail('a string');
      break;
    case 'geom':
      if (arg.kind !== 'GeomLiteral') fail('a geometry literal');
      break;
    case 'distance':
      if (arg.kind !== 'UnitLiteral' || DISTANCE_UNITS[arg.unit] === undefined) {
        fail('a distance such as 10km');
      }
      break;
    case 'number_literal':
      if (arg.kind !== 'NumberLiteral') fail('a number');
      break;
    case 'step':
      if (arg.kind !== 'NumberLiteral' && arg.kind !== 'DateLiteral') fail('a range bound');
      break;
    default:
      break;
  }
}
