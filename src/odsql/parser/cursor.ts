// A cursor over the tokens of one clause, with the helpers every clause parser shares.

import type { Clause, OdsqlError } from '../errors.ts';
import { odsqlError } from '../errors.ts';
import { lex } from '../lexer.ts';
import type { Token } from '../tokens.ts';

const MAX_TOKENS = 20000;
/** Binary operators per clause (AND, OR, + - * /): their trees are as deep as they are long. */
const MAX_OPERATORS = 1000;
const MAX_DEPTH = 100;

export class Cursor {
  readonly text: string;
  readonly clause: Clause;
  private readonly tokens: Token[];
  private index = 0;
  /** End offset of the last consumed token. */
  lastEnd = 0;
  /** Nesting depth of the expression being parsed (bounded to keep recursion safe). */
  depth = 0;
  /** How many function calls enclose the current position (a bare string there is a value). */
  callDepth = 0;
  private operators = 0;

  constructor(text: string, clause: Clause) {
    this.text = text;
    this.clause = clause;
    this.tokens = lex(text, clause);
    if (this.tokens.length > MAX_TOKENS) {
      throw odsqlError(`Expression too long (over ${MAX_TOKENS} tokens)`, clause, 0);
    }
  }

  /** Enters a nested expression; fails beyond MAX_DEPTH levels. */
  enter(start: number): void {
    if (++this.depth > MAX_DEPTH) throw this.error('Expression nested too deeply', start);
  }

  leave(): void {
    this.depth--;
  }

  /** Counts one binary operator; fails beyond MAX_OPERATORS. */
  countOperator(start: number): void {
    if (++this.operators > MAX_OPERATORS) {
      throw this.error(`More than ${MAX_OPERATORS} operators`, start);
    }
  }

  peek(ahead = 0): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.index + ahead, tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    this.lastEnd = token.end;
    return token;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  isPunct(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.value === value;
  }

  /** True when the token is the bare keyword `word` (case-insensitive). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && token.value.toLowerCase() === word;
  }

  acceptPunct(value: string): boolean {
    if (!this.isPunct(value)) return false;
    this.next();
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  expectPunct(value: string): Token {
    if (!this.isPunct(value)) throw this.unexpected();
    return this.next();
  }

  /** An error about the current token (or a given one). */
  unexpected(token: Token = this.peek()): OdsqlError {
    if (token.kind === 'eof')
      return odsqlError('Unexpected end of expression', this.clause, token.start);
    const shown = JSON.stringify(this.text.slice(token.start, token.end));
    return odsqlError(`Unexpected ${shown}`, this.clause, token.start, token.end);
  }

  error(message: string, start: number, end = start): OdsqlError {
    return odsqlError(message, this.clause, start, end);
  }

  /** Fails unless every token was consumed. */
  expectEnd(): void {
    if (!this.atEnd()) throw this.unexpected();
  }
}
