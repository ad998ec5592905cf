// select := item { "," item };  item := "*" | include(p) | exclude(p) | expr [AS alias]

import type { Identifier, SelectEntry } from '../ast.ts';
import { Cursor } from './cursor.ts';
import { parseCondition, parseIdentifier } from './expression.ts';

export function parseSelect(text: string): SelectEntry[] {
  const c = new Cursor(text, 'select');
  if (c.atEnd()) return [{ kind: 'SelectAll', start: 0, end: 0 }];
  const entries: SelectEntry[] = [];
  do entries.push(parseEntry(c));
  while (c.acceptPunct(','));
  c.expectEnd();
  return entries;
}

function parseEntry(c: Cursor): SelectEntry {
  const first = c.peek();
  if (first.kind === 'punct' && first.value === '*') {
    c.next();
    return { kind: 'SelectAll', start: first.start, end: first.end };
  }
  const mode = first.kind === 'word' ? first.value.toLowerCase() : '';
  if ((mode === 'include' || mode === 'exclude') && c.isPunct('(', 1)) {
    c.next();
    const open = c.next();
    while (!c.isPunct(')')) {
      if (c.atEnd()) throw c.unexpected();
      c.next();
    }
    const close = c.next();
    const pattern = c.text.slice(open.end, close.start).trim().replace(/^`|`$/g, '');
    if (pattern === '') throw c.error('Empty field pattern', open.start);
    return { kind: 'SelectPattern', mode, pattern, start: first.start, end: close.end };
  }
  const expr = parseCondition(c);
  const exprEnd = c.lastEnd;
  const alias = parseAlias(c);
  return {
    kind: 'SelectItem',
    expr,
    alias,
    text: c.text.slice(first.start, exprEnd).trim(),
    start: first.start,
    end: c.lastEnd,
  };
}

/** `AS name` (a name, back-quoted name or string), or nothing. */
export function parseAlias(c: Cursor): Identifier | null {
  if (!c.acceptWord('as')) return null;
  const token = c.peek();
  if (token.kind === 'string' && token.value !== '') {
    c.next();
    return {
      kind: 'Identifier',
      name: token.value,
      quoted: true,
      start: token.start,
      end: token.end,
    };
  }
  return parseIdentifier(c);
}
