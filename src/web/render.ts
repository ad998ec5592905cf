// Sends a server-rendered page: the doctype, the HTML, the language headers.

import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

import { addVary } from '../http/viewer-caching.ts';
import type { PageContext } from './page-context.ts';

/** Sends the page; route handlers return what it returns, so Fastify waits for the reply. */
export function sendPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: VNode,
  status = 200,
): FastifyReply {
  addVary(reply, ['Cookie', 'Accept-Language']);
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', ctx.lang)
    .send(`<!doctype html>\n${renderToString(page)}`);
}
