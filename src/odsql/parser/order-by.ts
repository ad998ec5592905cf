// order_by := item { "," item };  item := ["+"|"-"] expr | expr [ASC|DESC]

import type { OrderItem } from '../ast.ts';
import { Cursor } from './cursor.ts';
import { parseCondition } from './expression.ts';

export function parseOrderBy(text: string): OrderItem[] {
  const c = new Cursor(text, 'order_by');
  if (c.atEnd()) return [];
  const items: OrderItem[] = [];
  do {
    const start = c.peek().start;
    let descending = false;
    let explicit = c.isPunct('-') || c.isPunct('+');
    if (explicit) descending = c.next().value === '-';
    const expr = parseCondition(c);
    if (c.isWord('desc') || c.isWord('asc')) {
      descending = c.next().value.toLowerCase() === 'desc';
      explicit = true;
    }
    items.push({ kind: 'OrderItem', expr, descending, explicit, start, end: c.lastEnd });
  } while (c.acceptPunct(','));
  c.expectEnd();
  return items;
}
