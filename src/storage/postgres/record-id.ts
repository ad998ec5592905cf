// The record id (`_id`, ODS `recordid`): the 40-hex SHA-1 of `JSON.stringify(row)`, the typed
// cells in field order. Identical records get identical ids, from one load to the next.

import * as crypto from 'node:crypto';

import type { Row } from '../../core/cell.ts';

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string;

/** `crypto.hash` (Node 20.12+) skips the Hash object; older versions use createHash. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

export function recordId(row: Row): string {
  const text = JSON.stringify(row);
  return oneShot
    ? oneShot('sha1', text, 'hex')
    : crypto.createHash('sha1').update(text).digest('hex');
}
