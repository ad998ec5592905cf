// A visitor's CSRF credentials, as a browser would hold them after loading a page of the site:
// the `csrftoken` cookie the page set, and the token its forms carry.

import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';

export interface CsrfCredentials {
  /** The secret, as the cookie holds it. */
  secret: string;
  /** `csrftoken=…`, ready for a Cookie header. */
  cookie: string;
  /** The masked token of the page's forms. */
  token: string;
}

export async function csrfFromPage(
  app: FastifyInstance,
  url = '/',
  headers: Record<string, string> = {},
): Promise<CsrfCredentials> {
  const response = await app.inject({ method: 'GET', url, headers });
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pair = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('csrftoken='));
  if (!pair) throw new Error(`${url} set no csrftoken cookie`);
  const token = parse(response.body)
    .querySelector('input[name=csrfmiddlewaretoken]')
    ?.getAttribute('value');
  if (!token) throw new Error(`${url} has no csrfmiddlewaretoken field`);
  return { secret: pair.slice('csrftoken='.length), cookie: pair, token };
}

/** A form body with the token added. */
export function formWithToken(fields: Record<string, string>, token: string): string {
  return new URLSearchParams({ ...fields, csrfmiddlewaretoken: token }).toString();
}
