// Expressions and conditions, shared by every clause. Precedence, loosest first:
// OR, AND, NOT, predicates (comparison, IS, IN, LIKE, `:`), + -, * /, unary sign, primaries.

import type { CompareOp, Expr, Identifier, StringLiteral } from '../ast.ts';
import type { Cursor } from './cursor.ts';

const COMPARE_OPS = new Set(['=', '!=', '<', '>', '<=', '>=']);

/** Words that structure a query and so cannot name a field unless back-quoted. */
const STRUCTURAL = new Set(['and', 'or', 'not', 'is', 'in', 'like', 'as', 'asc', 'desc', 'to']);

/** Interval unit words accepted after a number (`1 day`, `3 months`). */
const INTERVAL_WORDS = new Set(
  ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].flatMap(
    (w) => [w, `${w}s`],
  ),
);

export function parseCondition(c: Cursor): Expr {
  c.enter(c.peek().start);
  const condition = parseOr(c);
  c.leave();
  return condition;
}

function parseOr(c: Cursor): Expr {
  let left = parseAnd(c);
  while (c.isWord('or')) {
    c.countOperator(c.next().start);
    const right = parseAnd(c);
    left = { kind: 'Logical', op: 'or', left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseAnd(c: Cursor): Expr {
  let left = parseNot(c);
  while (c.isWord('and')) {
    c.countOperator(c.next().start);
    const right = parseNot(c);
    left = { kind: 'Logical', op: 'and', left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseNot(c: Cursor): Expr {
  if (c.isWord('not')) {
    const start = c.next().start;
    c.enter(start);
    const operand = parseNot(c);
    c.leave();
    return { kind: 'Not', operand, start, end: operand.end };
  }
  return parsePredicate(c);
}

function parsePredicate(c: Cursor): Expr {
  const left = parseAdditive(c);
  const token = c.peek();
  if (token.kind === 'punct' && COMPARE_OPS.has(token.value)) {
    c.next();
    const right = parseAdditive(c);
    const op = token.value as CompareOp;
    return { kind: 'Comparison', op, left, right, start: left.start, end: right.end };
  }
  if (token.kind === 'punct' && token.value === ':') {
    c.next();
    if (left.kind !== 'Identifier') throw c.error('A term filter needs a field name', left.start);
    return parseTermValue(c, left);
  }
  if (c.isWord('is')) return parseIs(c, left);
  const negated = c.isWord('not') && (c.isWord('in', 1) || c.isWord('like', 1));
  if (negated) c.next();
  if (c.acceptWord('in')) return parseIn(c, left, negated);
  if (c.acceptWord('like')) {
    const pattern = c.peek();
    if (pattern.kind !== 'string') throw c.unexpected();
    c.next();
    const literal: StringLiteral = {
      kind: 'StringLiteral',
      value: pattern.value,
      ...span(pattern),
    };
    return {
      kind: 'Like',
      operand: left,
      pattern: literal,
      negated,
      start: left.start,
      end: c.lastEnd,
    };
  }
  if (left.kind === 'StringLiteral' && c.clause === 'where' && c.callDepth === 0) {
    return { kind: 'FullText', text: left.value, start: left.start, end: left.end };
  }
  return left;
}

function parseIs(c: Cursor, operand: Expr): Expr {
  c.next();
  const negated = c.acceptWord('not');
  const token = c.next();
  const word = token.kind === 'word' ? token.value.toLowerCase() : '';
  if (word === 'null')
    return { kind: 'IsNull', operand, negated, start: operand.start, end: token.end };
  if (word === 'true' || word === 'false') {
    const value = word === 'true';
    return { kind: 'IsBoolean', operand, value, negated, start: operand.start, end: token.end };
  }
  throw c.unexpected(token);
}

function parseIn(c: Cursor, operand: Expr, negated: boolean): Expr {
  if (c.isPunct('[') || c.isPunct(']')) return parseRange(c, operand, negated);
  if (c.acceptPunct('(')) {
    const values: Expr[] = [];
    do values.push(parseAdditive(c));
    while (c.acceptPunct(','));
    c.expectPunct(')');
    return { kind: 'InList', operand, values, negated, start: operand.start, end: c.lastEnd };
  }
  const token = c.peek();
  if (token.kind === 'word' || token.kind === 'quoted') {
    const field = parseIdentifier(c);
    return {
      kind: 'InField',
      value: operand,
      field,
      negated,
      start: operand.start,
      end: field.end,
    };
  }
  throw c.unexpected();
}

/** `[a..b]`, `]a..b[`, `[a TO b[`… */
export function parseRange(c: Cursor, operand: Expr, negated: boolean): Expr {
  const open = c.next();
  const low = parseAdditive(c);
  if (!c.acceptPunct('..') && !c.acceptWord('to')) throw c.unexpected();
  const high = parseAdditive(c);
  const close = c.peek();
  if (!c.isPunct(']') && !c.isPunct('[')) throw c.unexpected();
  c.next();
  return {
    kind: 'InRange',
    operand,
    low,
    high,
    lowInclusive: open.value === '[',
    highInclusive: close.value === ']',
    negated,
    start: operand.start,
    end: close.end,
  };
}

/**
 * The value of `field:…`: a range, a group of values (`field:(a OR b)`, with AND, OR, NOT and
 * nested groups), an exclusion (`field:-value`; a minus before a number stays a negative
 * number), or one value.
 */
function parseTermValue(c: Cursor, field: Identifier): Expr {
  if (c.isPunct('[') || c.isPunct(']')) return parseRange(c, field, false);
  if (c.isPunct('(')) return parseTermGroup(c, field);
  const after = c.peek(1);
  if (c.isPunct('-') && (after.kind === 'word' || after.kind === 'string' || c.isPunct('(', 1))) {
    const start = c.next().start;
    const excluded = parseTermValue(c, field);
    return { kind: 'Not', operand: excluded, start, end: excluded.end };
  }
  return parseTermAtom(c, field);
}

function parseTermGroup(c: Cursor, field: Identifier): Expr {
  const open = c.next();
  c.enter(open.start);
  let left = parseTermAnd(c, field);
  while (c.acceptWord('or')) {
    const right = parseTermAnd(c, field);
    left = { kind: 'Logical', op: 'or', left, right, start: left.start, end: right.end };
  }
  c.expectPunct(')');
  c.leave();
  return left;
}

function parseTermAnd(c: Cursor, field: Identifier): Expr {
  let left = parseTermNot(c, field);
  while (c.acceptWord('and')) {
    const right = parseTermNot(c, field);
    left = { kind: 'Logical', op: 'and', left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseTermNot(c: Cursor, field: Identifier): Expr {
  if (!c.isWord('not')) return parseTermValue(c, field);
  const start = c.next().start;
  c.enter(start);
  const operand = parseTermNot(c, field);
  c.leave();
  return { kind: 'Not', operand, start, end: operand.end };
}

function parseTermAtom(c: Cursor, field: Identifier): Expr {
  const token = c.peek();
  let value: Expr;
  if (token.kind === 'word' && !['true', 'false', 'null'].includes(token.value.toLowerCase())) {
    c.next();
    value = { kind: 'StringLiteral', value: token.value, ...span(token) };
  } else {
    value = parseUnary(c);
  }
  return { kind: 'Term', field, value, start: field.start, end: value.end };
}

export function parseAdditive(c: Cursor): Expr {
  let left = parseMultiplicative(c);
  while (c.isPunct('+') || c.isPunct('-')) {
    const token = c.next();
    c.countOperator(token.start);
    const op = token.value as '+' | '-';
    const right = parseMultiplicative(c);
    left = { kind: 'Arithmetic', op, left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseMultiplicative(c: Cursor): Expr {
  let left = parseUnary(c);
  while (c.isPunct('*') || c.isPunct('/')) {
    const token = c.next();
    c.countOperator(token.start);
    const op = token.value as '*' | '/';
    const right = parseUnary(c);
    left = { kind: 'Arithmetic', op, left, right, start: left.start, end: right.end };
  }
  return left;
}

function parseUnary(c: Cursor): Expr {
  if (c.isPunct('-') || c.isPunct('+')) {
    const token = c.next();
    c.enter(token.start);
    const operand = parseUnary(c);
    c.leave();
    if (operand.kind === 'NumberLiteral' && token.value === '-') {
      return { ...operand, value: -operand.value, start: token.start };
    }
    return {
      kind: 'Unary',
      op: token.value as '-' | '+',
      operand,
      start: token.start,
      end: operand.end,
    };
  }
  return parsePrimary(c);
}

function parsePrimary(c: Cursor): Expr {
  const token = c.peek();
  switch (token.kind) {
    case 'string':
      c.next();
      return { kind: 'StringLiteral', value: token.value, ...span(token) };
    case 'number':
      return parseNumber(c);
    case 'date':
      c.next();
      return { kind: 'DateLiteral', text: token.value, ...span(token) };
    case 'geom':
      c.next();
      return { kind: 'GeomLiteral', text: token.value, ...span(token) };
    case 'quoted':
      return parseIdentifier(c);
    case 'word': {
      const word = token.value.toLowerCase();
      if (word === 'null') {
        c.next();
        return { kind: 'NullLiteral', ...span(token) };
      }
      if (word === 'true' || word === 'false') {
        c.next();
        return { kind: 'BooleanLiteral', value: word === 'true', ...span(token) };
      }
      if (c.isPunct('(', 1)) return parseCall(c);
      return parseIdentifier(c);
    }
    case 'punct':
      if (token.value === '(') {
        c.next();
        const inner = parseCondition(c);
        c.expectPunct(')');
        return inner;
      }
      throw c.unexpected();
    default:
      throw c.unexpected();
  }
}

function parseNumber(c: Cursor): Expr {
  const token = c.next();
  const value = Number(token.value);
  const base = { start: token.start, end: token.end };
  if (token.unit !== '') return { kind: 'UnitLiteral', value, unit: token.unit, ...base };
  const after = c.peek();
  if (after.kind === 'word' && INTERVAL_WORDS.has(after.value.toLowerCase())) {
    c.next();
    const unit = after.value.toLowerCase();
    return { kind: 'UnitLiteral', value, unit, start: token.start, end: after.end };
  }
  // An integer beyond 2^53 is read (and bound) as a double: no engine integer would hold it.
  const integer = !token.value.includes('.') && Number.isSafeInteger(value);
  return { kind: 'NumberLiteral', value, integer, ...base };
}

export function parseIdentifier(c: Cursor): Identifier {
  const token = c.peek();
  if (token.kind === 'quoted') {
    c.next();
    return { kind: 'Identifier', name: token.value, quoted: true, ...span(token) };
  }
  if (token.kind !== 'word' || STRUCTURAL.has(token.value.toLowerCase())) throw c.unexpected();
  c.next();
  return { kind: 'Identifier', name: token.value, quoted: false, ...span(token) };
}

function parseCall(c: Cursor): Expr {
  const nameToken = c.next();
  const name = nameToken.value.toLowerCase();
  c.expectPunct('(');
  const args: Expr[] = [];
  let distinct = false;
  if (!c.isPunct(')')) {
    if (c.isWord('distinct')) {
      c.next();
      distinct = true;
    }
    c.callDepth++;
    do args.push(parseArgument(c));
    while (c.acceptPunct(','));
    c.callDepth--;
  }
  c.expectPunct(')');
  return {
    kind: 'Call',
    name,
    nameSpan: span(nameToken),
    args,
    distinct,
    start: nameToken.start,
    end: c.lastEnd,
  };
}

function parseArgument(c: Cursor): Expr {
  const token = c.peek();
  if (token.kind === 'punct' && token.value === '*') {
    c.next();
    return { kind: 'Star', ...span(token) };
  }
  if (token.kind === 'word' && c.isPunct('=', 1)) {
    c.next();
    c.next();
    const value = parseAdditive(c);
    const name = token.value.toLowerCase();
    return { kind: 'NamedArgument', name, value, start: token.start, end: value.end };
  }
  return parseCondition(c);
}

function span(token: { start: number; end: number }): { start: number; end: number } {
  return { start: token.start, end: token.end };
}
