// group_by := item { "," item };  item := expr [AS alias]

import type { GroupItem } from '../ast.ts';
import { Cursor } from './cursor.ts';
import { parseCondition } from './expression.ts';
import { parseAlias } from './select.ts';

export function parseGroupBy(text: string): GroupItem[] {
  const c = new Cursor(text, 'group_by');
  if (c.atEnd()) return [];
  const items: GroupItem[] = [];
  do {
    const start = c.peek().start;
    const expr = parseCondition(c);
    const exprEnd = c.lastEnd;
    const alias = parseAlias(c);
    const text = c.text.slice(start, exprEnd).trim();
    items.push({ kind: 'GroupItem', expr, alias, text, start, end: c.lastEnd });
  } while (c.acceptPunct(','));
  c.expectEnd();
  return items;
}
