// Tokens of the API v1 query language (`q`): words, quoted strings, operators, brackets.

import { odsqlError } from '../errors.ts';

export type V1TokenKind = 'word' | 'string' | 'op' | 'punct' | 'hash' | 'end';

export interface V1Token {
  kind: V1TokenKind;
  /** Word text, unquoted string value, operator or punctuation. */
  text: string;
  start: number;
  end: number;
  /** Whitespace precedes the token. */
  spaced: boolean;
}

const PUNCT = new Set(['(', ')', '[', ']', ',']);
const OPERATORS = ['==', '>=', '<=', '!=', ':', '=', '>', '<'];
/** Characters that end a word. */
const WORD_STOP = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '(',
  ')',
  '[',
  ']',
  ',',
  '"',
  "'",
  ':',
  '=',
  '>',
  '<',
  '!',
  '#',
]);

function readQuoted(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === quote) {
      return [value, i + 1];
    } else {
      value += c;
      i++;
    }
  }
  throw odsqlError('Unterminated string', 'q', start, text.length);
}

export function lexV1(text: string): V1Token[] {
  const tokens: V1Token[] = [];
  let i = 0;
  let spaced = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const [value, end] = readQuoted(text, i);
      tokens.push({ kind: 'string', text: value, start, end, spaced });
      i = end;
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c, start, end: i + 1, spaced });
      i++;
    } else if (c === '#') {
      let end = i + 1;
      while (end < text.length && /[A-Za-z_]/.test(text[end] as string)) end++;
      if (end === i + 1) throw odsqlError('Expected a function name after "#"', 'q', i);
      tokens.push({ kind: 'hash', text: text.slice(i + 1, end).toLowerCase(), start, end, spaced });
      i = end;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, start, end: i + op.length, spaced });
        i += op.length;
      } else {
        // A stop character that starts nothing else (a lone `!`) is a word of its own, so that
        // the lexer always moves on.
        let end = i + 1;
        while (end < text.length && !WORD_STOP.has(text[end] as string)) end++;
        tokens.push({ kind: 'word', text: text.slice(i, end), start, end, spaced });
        i = end;
      }
    }
    spaced = false;
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length, spaced });
  return tokens;
}
