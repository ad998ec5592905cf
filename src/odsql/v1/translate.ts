// The API v1 query language (`q`, `q.<name>`) translated into an ODSQL condition, so that v1
// queries run through the one ODSQL analyzer and compiler. Grammar, loosest first:
//   query := and { OR and }            and := unary { [AND] unary }     unary := NOT unary | primary
//   primary := "(" query ")" | #function(args) | field op value | field ":" term | word | "words"
//   term := value | "-" term | "[" value TO value "]" | "(" terms with AND, OR, NOT ")"
// with op one of `==` `=` (exact), `!=`, `>` `>=` `<` `<=`.

import type { Field } from '../../core/field.ts';
import { odsqlError } from '../errors.ts';
import type { V1Token } from './lexer.ts';
import { lexV1 } from './lexer.ts';
import { odsqlName, odsqlString, odsqlValue } from './values.ts';

const FIELD_NAME = /^[A-Za-z0-9_]+$/;
const DISTANCE = /^\d+(\.\d+)?$/;
const POINT = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
/** Nesting (parentheses, NOT, `-`) deeper than this is refused, before the stack runs out. */
const MAX_DEPTH = 100;

class V1Translator {
  private readonly tokens: V1Token[];
  private index = 0;
  private depth = 0;

  constructor(
    text: string,
    private readonly fields: ReadonlyMap<string, Field>,
  ) {
    this.tokens = lexV1(text);
  }

  translate(): string {
    if (this.peek().kind === 'end') return '';
    const condition = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') throw odsqlError(`Unexpected "${rest.text}"`, 'q', rest.start);
    return condition;
  }

  private peek(offset = 0): V1Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as V1Token;
  }

  private next(): V1Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private expect(text: string): V1Token {
    const token = this.next();
    if (token.text !== text || token.kind === 'string' || token.kind === 'word') {
      throw odsqlError(
        `Expected "${text}" but found "${token.text || 'the end'}"`,
        'q',
        token.start,
      );
    }
    return token;
  }

  /** Runs one nested level of the grammar (errors abort the whole translation). */
  private nested(start: number, parse: () => string): string {
    if (++this.depth > MAX_DEPTH) throw odsqlError('The query is nested too deeply', 'q', start);
    const result = parse();
    this.depth--;
    return result;
  }

  private isKeyword(token: V1Token, keyword: string): boolean {
    return token.kind === 'word' && token.text === keyword;
  }

  private or(): string {
    const parts = [this.and()];
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  private startsUnary(token: V1Token): boolean {
    if (token.kind === 'end') return false;
    if (token.kind === 'punct') return token.text === '(';
    if (token.kind === 'op') return false;
    return !this.isKeyword(token, 'OR');
  }

  private and(): string {
    const parts = [this.unary()];
    for (;;) {
      if (this.isKeyword(this.peek(), 'AND')) {
        this.next();
        parts.push(this.unary());
      } else if (this.startsUnary(this.peek())) {
        parts.push(this.unary());
      } else {
        break;
      }
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  }

  private unary(): string {
    const token = this.peek();
    if (this.isKeyword(token, 'NOT')) {
      this.next();
      return this.nested(token.start, () => `(NOT ${this.unary()})`);
    }
    return this.primary();
  }

  private primary(): string {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '(') {
      this.next();
      const inner = this.nested(token.start, () => this.or());
      this.expect(')');
      return inner;
    }
    if (token.kind === 'hash') return this.hashCondition();
    if (token.kind === 'string') {
      this.next();
      return odsqlString(token.text);
    }
    if (token.kind === 'word') {
      const after = this.peek(1);
      if (after.kind === 'op' && FIELD_NAME.test(token.text)) return this.fieldQuery();
      this.next();
      if (token.text.endsWith('*') && token.text.length > 1) {
        return `suggest(${odsqlString(token.text.slice(0, -1))})`;
      }
      return odsqlString(token.text);
    }
    throw odsqlError(`Unexpected "${token.text || 'end of query'}"`, 'q', token.start);
  }

  private fieldQuery(): string {
    const nameToken = this.next();
    const name = nameToken.text;
    const field = this.fields.get(name) ?? this.fields.get(name.toLowerCase());
    const column = odsqlName(field?.name ?? name);
    const op = this.next().text;
    const token = this.peek();
    if (op === ':') return this.termValue(column, field);
    if (token.kind === 'punct' && (token.text === '[' || token.text === '(')) {
      throw odsqlError(`"${token.text}" goes after ":", not "${op}"`, 'q', token.start);
    }
    const value = this.value(field);
    switch (op) {
      case '==':
      case '=':
        return `${column} = ${value}`;
      default:
        return `${column} ${op} ${value}`;
    }
  }

  /**
   * What follows `field:`: a value, a range, `-value` (records without that value) or a group
   * of them with AND, OR, NOT and parentheses: `field:(a OR -b)`.
   */
  private termValue(column: string, field: Field | undefined): string {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '[') return this.range(column, field);
    if (token.kind === 'punct' && token.text === '(') {
      this.next();
      const inner = this.nested(token.start, () => this.valueOr(column, field));
      this.expect(')');
      return inner;
    }
    if (token.kind === 'word' && token.text.startsWith('-')) {
      this.next();
      if (token.text === '-') {
        return this.nested(token.start, () => `(NOT ${this.termValue(column, field)})`);
      }
      const rest = { ...token, text: token.text.slice(1), start: token.start + 1 };
      return `(NOT ${column}:${this.valueOf(rest, field)})`;
    }
    return `${column}:${this.value(field)}`;
  }

  private valueOr(column: string, field: Field | undefined): string {
    const parts = [this.valueAnd(column, field)];
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      parts.push(this.valueAnd(column, field));
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  private valueAnd(column: string, field: Field | undefined): string {
    const parts = [this.valueNot(column, field)];
    for (;;) {
      const token = this.peek();
      if (this.isKeyword(token, 'AND')) this.next();
      else if (!this.startsUnary(token) || this.isKeyword(token, 'OR')) break;
      parts.push(this.valueNot(column, field));
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  }

  private valueNot(column: string, field: Field | undefined): string {
    const token = this.peek();
    if (!this.isKeyword(token, 'NOT')) return this.termValue(column, field);
    this.next();
    return this.nested(token.start, () => `(NOT ${this.valueNot(column, field)})`);
  }

  private range(column: string, field: Field | undefined): string {
    this.expect('[');
    const low = this.value(field);
    const to = this.next();
    if (!this.isKeyword(to, 'TO')) throw odsqlError('Expected "TO" in a range', 'q', to.start);
    const high = this.value(field);
    this.expect(']');
    return `${column} IN [${low}..${high}]`;
  }

  private value(field: Field | undefined): string {
    return this.valueOf(this.next(), field);
  }

  private valueOf(token: V1Token, field: Field | undefined): string {
    if (token.kind === 'string') return odsqlValue(token.text, true, field);
    if (token.kind === 'word') return odsqlValue(token.text, false, field);
    if (token.kind === 'hash' && token.text === 'now') return this.now();
    throw odsqlError(`Expected a value but found "${token.text || 'the end'}"`, 'q', token.start);
  }

  /** `#now(years=-1, days=2)` → `now(years=-1, days=2)` (numeric arguments only). */
  private now(): string {
    const args = this.arguments();
    const rendered = args.map((arg) => {
      const match = /^([a-z]+)=([+-]?\d+)$/.exec(arg.text);
      if (!match) throw odsqlError(`Unsupported #now() argument "${arg.text}"`, 'q', arg.start);
      return `${match[1]}=${match[2]}`;
    });
    return `now(${rendered.join(', ')})`;
  }

  /** The raw arguments of a `#function(…)`: words, strings, or `name=value` pairs. */
  private arguments(): { text: string; quoted: boolean; start: number }[] {
    this.expect('(');
    const args: { text: string; quoted: boolean; start: number }[] = [];
    if (this.peek().text === ')' && this.peek().kind === 'punct') {
      this.next();
      return args;
    }
    for (;;) {
      const token = this.next();
      if (token.kind !== 'word' && token.kind !== 'string') {
        throw odsqlError(
          `Unexpected "${token.text || 'end of query'}" in arguments`,
          'q',
          token.start,
        );
      }
      let text = token.text;
      if (token.kind === 'word' && this.peek().kind === 'op' && this.peek().text === '=') {
        this.next();
        text = `${text}=${this.next().text}`;
      }
      args.push({ text, quoted: token.kind === 'string', start: token.start });
      const separator = this.next();
      if (separator.text === ')' && separator.kind === 'punct') return args;
      if (separator.text !== ',' || separator.kind !== 'punct') {
        throw odsqlError('Expected "," or ")"', 'q', separator.start);
      }
    }
  }

  private fieldArgument(arg: { text: string; start: number } | undefined, fn: string): string {
    if (!arg || !FIELD_NAME.test(arg.text)) {
      throw odsqlError(`#${fn}() needs a field name first`, 'q', arg?.start ?? this.peek().start);
    }
    return odsqlName(this.fields.get(arg.text)?.name ?? arg.text);
  }

  private hashCondition(): string {
    const token = this.next();
    const args = this.arguments();
    const name = token.text;
    const arity = (n: number) => {
      if (args.length !== n) {
        throw odsqlError(`#${name}() takes ${n} argument(s), not ${args.length}`, 'q', token.start);
      }
    };
    switch (name) {
      case 'null':
        arity(1);
        return `${this.fieldArgument(args[0], name)} IS NULL`;
      case 'exact': {
        arity(2);
        const column = this.fieldArgument(args[0], name);
        return `${column} = ${odsqlString(args[1]?.text ?? '')}`;
      }
      case 'startswith':
        arity(2);
        return `startswith(${this.fieldArgument(args[0], name)}, ${odsqlString(args[1]?.text ?? '')})`;
      case 'search': {
        if (args.length < 1) throw odsqlError('#search() needs a text', 'q', token.start);
        const text = args[args.length - 1] as { text: string };
        const targets = args
          .slice(0, -1)
          .map((a) => (a.text === '*' ? '*' : this.fieldArgument(a, name)));
        return `search(${[...targets, odsqlString(text.text)].join(', ')})`;
      }
      case 'distance': {
        arity(3);
        const column = this.fieldArgument(args[0], name);
        const point = POINT.exec(args[1]?.text ?? '');
        const meters = args[2]?.text ?? '';
        if (!point || !DISTANCE.test(meters)) {
          throw odsqlError('#distance() takes a field, "lat, lon" and metres', 'q', token.start);
        }
        return `within_distance(${column}, geom'POINT(${point[2]} ${point[1]})', ${meters}m)`;
      }
      case 'polygon': {
        arity(2);
        const column = this.fieldArgument(args[0], name);
        return `within(${column}, geom'${polygonWkt(args[1]?.text ?? '', token.start)}')`;
      }
      default:
        throw odsqlError(`Unknown or unsupported query function #${name}()`, 'q', token.start);
    }
  }
}

/** `(lat,lon),(lat,lon),…` → `POLYGON((lon lat, …, first point again))`. */
function polygonWkt(text: string, start: number): string {
  const points = [...text.matchAll(/\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)/g)].map(
    (m) => `${m[2]} ${m[1]}`,
  );
  if (points.length < 3)
    throw odsqlError('#polygon() needs at least three (lat,lon) points', 'q', start);
  if (points[0] !== points[points.length - 1]) points.push(points[0] as string);
  return `POLYGON((${points.join(', ')}))`;
}

/**
 * Translates a v1 query (`q` or `q.<name>`) into an ODSQL condition over `fields`; '' for an
 * empty query. Syntax errors are OdsqlErrors of the `q` clause with the position.
 */
export function translateV1Query(text: string, fields: readonly Field[]): string {
  return new V1Translator(text, new Map(fields.map((f) => [f.name, f]))).translate();
}
