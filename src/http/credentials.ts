// The credentials an API request carries: an API key (`Authorization: Apikey KEY`, any case,
// or `?apikey=`), or an OAuth access token (`Authorization: Bearer TOKEN`, `?access_token=`).

import type { FastifyRequest } from 'fastify';

import type { QueryValues } from './query-params.ts';
import { single } from './query-params.ts';

export type Credential = { kind: 'apikey'; key: string } | { kind: 'token'; token: string };

export function requestCredential(request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^\s*(apikey|bearer)\s+(\S+)\s*$/i.exec(header);
    if (match) {
      const value = match[2] as string;
      return (match[1] as string).toLowerCase() === 'apikey'
        ? { kind: 'apikey', key: value }
        : { kind: 'token', token: value };
    }
  }
  const query = request.query as QueryValues;
  const apikey = single(query, 'apikey');
  if (apikey) return { kind: 'apikey', key: apikey };
  const token = single(query, 'access_token');
  if (token) return { kind: 'token', token };
  return null;
}
