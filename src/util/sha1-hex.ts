// SHA-1 as 40 hex digits, through the one-shot `crypto.hash` when Node has it (much faster).

import * as crypto from 'node:crypto';

type Data = string | Uint8Array;
type OneShotHash = (algorithm: string, data: Data, encoding: 'hex') => string;

const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

export const sha1Hex: (data: Data) => string = oneShot
  ? (data) => oneShot('sha1', data, 'hex')
  : (data) => crypto.createHash('sha1').update(data).digest('hex');
