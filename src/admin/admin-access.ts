// Who may open a back office page: administrators (or staff: administrators and editors) signed
// in with a session. Anonymous visitors
// are sent to the sign-in page (and back to the page, or to `back` after a form's POST); other
// accounts get a 403 page.

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Role } from '../core/account.ts';
import { keepPrivate } from '../http/viewer-caching.ts';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { ForbiddenPage } from './forbidden-page.tsx';

/** True when the page may be shown; otherwise the answer is sent. */
export async function adminOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
  back: string,
): Promise<boolean> {
  return allowedRoles(request, reply, ctx, back, ['admin']);
}

/**
 * The same for pages open to staff, administrators and editors (which datasets an editor may
 * manage is then the datasets service's to decide).
 */
export async function staffOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
  back: string,
): Promise<boolean> {
  return allowedRoles(request, reply, ctx, back, ['admin', 'editor']);
}

async function allowedRoles(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
  back: string,
  roles: readonly Role[],
): Promise<boolean> {
  keepPrivate(reply);
  if (request.viewer.via !== 'session') {
    const next = request.method === 'GET' ? request.url : back;
    await reply.redirect(`/login/?next=${encodeURIComponent(next)}`, 303);
    return false;
  }
  if (request.viewer.role === null || !roles.includes(request.viewer.role)) {
    await sendPage(reply, ctx, ForbiddenPage({ ctx }), 403);
    return false;
  }
  return true;
}
