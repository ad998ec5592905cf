// The record id (`_id`, ODS `recordid`): the 40-hex SHA-1 of `JSON.stringify(row)`, the typed
// cells in field order. Identical records get identical ids, from one load to the next.

import { createHash } from 'node:crypto';

import type { Row } from '../../core/cell.ts';

export function recordId(row: Row): string {
  return createHash('sha1').update(JSON.stringify(row)).digest('hex');
}
