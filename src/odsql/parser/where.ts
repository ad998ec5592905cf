// where := condition (an empty text means no condition).

import type { Expr } from '../ast.ts';
import { Cursor } from './cursor.ts';
import { parseCondition } from './expression.ts';

export function parseWhere(text: string): Expr | null {
  const c = new Cursor(text, 'where');
  if (c.atEnd()) return null;
  const condition = parseCondition(c);
  c.expectEnd();
  return condition;
}
