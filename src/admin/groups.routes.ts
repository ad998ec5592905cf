// /backoffice/groups/ (administrators only): create, rename and delete groups, add and remove
// members. Refusals come back with the message next to the field (400, 409 for a taken name).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Group } from '../core/account.ts';
import { isPortalError } from '../core/errors.ts';
import type { PageContext } from '../web/page-context.ts';
import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { logAction, subject } from './account-activity.ts';
import { adminOnly } from './admin-access.ts';
import type { Notice } from './backoffice-frame.tsx';
import { GROUPS_PATH } from './backoffice-menu.tsx';
import type { Problem } from './form-fields.tsx';
import { formField } from './form-fields.tsx';
import type { GroupPageState, GroupsPageState } from './groups-page.tsx';
import { GroupPage, GroupsPage } from './groups-page.tsx';

type Form = Record<string, unknown> | undefined;
type GroupRequest = FastifyRequest<{ Params: { id: string }; Body: Form }>;

const NOTICES = ['created', 'renamed', 'added', 'removed', 'deleted'] as const;

function noticeOf(ctx: PageContext): Notice | null {
  const done = ctx.query.get('done');
  if (!(NOTICES as readonly string[]).includes(done ?? '')) return null;
  return { kind: 'success', text: ctx.t(`bo.groups.notice.${done as (typeof NOTICES)[number]}`) };
}

/** A group name the service refuses, as the message next to the field. */
function nameProblem(error: unknown): Problem | null {
  if (!isPortalError(error)) return null;
  if (error.code === 'DG_ERR_GROUP_NAME_TAKEN') return { key: 'bo.groups.error.taken' };
  if (error.code === 'DG_ERR_ACCOUNT_INVALID') return { key: 'bo.groups.error.name' };
  return null;
}

export function groupsRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const accounts = options.services.auth.accounts;
  const allowed = (request: FastifyRequest, reply: FastifyReply) =>
    adminOnly(request, reply, pageContext(request, options), GROUPS_PATH);
  const errorsNotice = (ctx: PageContext): Notice => ({
    kind: 'error',
    text: ctx.t('bo.notice.errors'),
  });

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<GroupsPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const full: GroupsPageState = {
      groups: await accounts.listGroups(),
      name: '',
      problem: null,
      notice: noticeOf(ctx),
      ...state,
    };
    return sendPage(reply, ctx, GroupsPage({ ctx, state: full }), status);
  }

  async function groupPage(
    request: FastifyRequest,
    reply: FastifyReply,
    group: Group,
    state: Partial<GroupPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const users = await accounts.listUsers();
    const full: GroupPageState = {
      group,
      members: users.filter((u) => group.memberIds.includes(u.id)),
      name: group.name,
      nameProblem: null,
      member: '',
      memberProblem: null,
      deletion: null,
      notice: noticeOf(ctx),
      ...state,
    };
    return sendPage(reply, ctx, GroupPage({ ctx, state: full }), status);
  }

  async function named(request: GroupRequest, reply: FastifyReply): Promise<Group | null> {
    const group = (await accounts.listGroups()).find((g) => g.id === request.params.id);
    if (group) return group;
    const ctx = pageContext(request, options);
    await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    return null;
  }

  const back = (reply: FastifyReply, group: Group, done: string) =>
    reply.redirect(`${GROUPS_PATH}${group.id}/?done=${done}`, 303);

  scope.get('/backoffice/groups', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    return listPage(request, reply, {});
  });

  scope.post<{ Body: Form }>('/backoffice/groups', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    const name = formField(request.body, 'name');
    const ctx = pageContext(request, options);
    try {
      const group = await accounts.createGroup(name);
      await logAction(options.services, request, 'group.create', {
        group: { before: null, after: group.name },
      });
      return back(reply, group, 'created');
    } catch (error) {
      const problem = nameProblem(error);
      if (!problem) throw error;
      const status = problem.key === 'bo.groups.error.taken' ? 409 : 400;
      return listPage(request, reply, { name, problem, notice: errorsNotice(ctx) }, status);
    }
  });

  scope.get<{ Params: { id: string } }>('/backoffice/groups/:id', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    const group = await named(request as GroupRequest, reply);
    return group ? groupPage(request, reply, group, {}) : reply;
  });

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/groups/:id',
    async (request, reply) => {
      if (!(await allowed(request, reply))) return reply;
      const group = await named(request, reply);
      if (!group) return reply;
      const name = formField(request.body, 'name');
      const ctx = pageContext(request, options);
      try {
        const renamed = await accounts.renameGroup(group.id, name);
        if (renamed.name !== group.name) {
          await logAction(options.services, request, 'group.rename', {
            group: { before: group.name, after: renamed.name },
          });
        }
        return back(reply, renamed, 'renamed');
      } catch (error) {
        const problem = nameProblem(error);
        if (!problem) throw error;
        const status = problem.key === 'bo.groups.error.taken' ? 409 : 400;
        return groupPage(
          request,
          reply,
          group,
          { name, nameProblem: problem, notice: errorsNotice(ctx) },
          status,
        );
      }
    },
  );

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/groups/:id/members',
    async (request, reply) => {
      if (!(await allowed(request, reply))) return reply;
      const group = await named(request, reply);
      if (!group) return reply;
      const email = formField(request.body, 'email').trim();
      const ctx = pageContext(request, options);
      const user = email.includes('@')
        ? (await accounts.listUsers()).find((u) => u.email === email.toLowerCase())
        : undefined;
      if (!user) {
        const memberProblem: Problem =
          email === '' ? { key: 'bo.error.required' } : { key: 'bo.group.error.unknownUser' };
        return groupPage(
          request,
          reply,
          group,
          { member: email, memberProblem, notice: errorsNotice(ctx) },
          400,
        );
      }
      await accounts.addMember(group.id, user.id);
      await logAction(options.services, request, 'group.member_add', {
        ...subject('group', group.name),
        member: { before: null, after: user.email },
      });
      return back(reply, group, 'added');
    },
  );

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/groups/:id/members/remove',
    async (request, reply) => {
      if (!(await allowed(request, reply))) return reply;
      const group = await named(request, reply);
      if (!group) return reply;
      const userId = formField(request.body, 'user');
      const user = (await accounts.listUsers()).find((u) => u.id === userId);
      if (user && group.memberIds.includes(user.id)) {
        await accounts.removeMember(group.id, user.id);
        await logAction(options.services, request, 'group.member_remove', {
          ...subject('group', group.name),
          member: { before: user.email, after: null },
        });
      }
      return back(reply, group, 'removed');
    },
  );

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/groups/:id/delete',
    async (request, reply) => {
      if (!(await allowed(request, reply))) return reply;
      const group = await named(request, reply);
      if (!group) return reply;
      if (formField(request.body, 'confirm') !== 'yes') {
        const ctx = pageContext(request, options);
        return groupPage(
          request,
          reply,
          group,
          { deletion: { key: 'bo.group.deleteUnconfirmed' }, notice: errorsNotice(ctx) },
          400,
        );
      }
      await accounts.deleteGroup(group.id);
      await logAction(options.services, request, 'group.delete', {
        group: { before: group.name, after: null },
      });
      return reply.redirect(`${GROUPS_PATH}?done=deleted`, 303);
    },
  );
}
