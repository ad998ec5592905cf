// /backoffice/users/ (administrators only): list, search and create accounts; change, reset the
// password of, and delete one. A refused form comes back with the message next to the field and
// what was typed (400); a done one redirects with a notice (303), except when it shows a
// generated password, which is shown once on the answer itself and never put in a URL.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { User } from '../core/account.ts';
import { isPortalError } from '../core/errors.ts';
import type { PageContext } from '../web/page-context.ts';
import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { diffOf, logAction, subject } from './account-activity.ts';
import { adminOnly } from './admin-access.ts';
import type { Notice } from './backoffice-frame.tsx';
import { USERS_PATH } from './backoffice-menu.tsx';
import { formField } from './form-fields.tsx';
import type { UserPageState } from './user-page.tsx';
import { UserPage } from './user-page.tsx';
import {
  checkNewUser,
  checkUserEdit,
  emptyNewUser,
  newUserFromBody,
  searchUsers,
  userEditFromBody,
  userEditOf,
} from './user-form.ts';
import type { UsersPageState } from './users-page.tsx';
import { UsersPage } from './users-page.tsx';

type Form = Record<string, unknown> | undefined;
type UserRequest = FastifyRequest<{ Params: { id: string }; Body: Form }>;

export const USERS_PAGE_SIZE = 20;

const NOTICES = ['created', 'saved', 'deleted'] as const;

function noticeOf(ctx: PageContext): Notice | null {
  const done = ctx.query.get('done');
  if (!(NOTICES as readonly string[]).includes(done ?? '')) return null;
  return { kind: 'success', text: ctx.t(`bo.users.notice.${done as (typeof NOTICES)[number]}`) };
}

function profileOf(user: User) {
  return {
    name: user.name,
    role: user.role,
    editsAllDatasets: user.editsAllDatasets,
    editableDatasets: user.editableDatasets,
    groupIds: user.groupIds,
  };
}

export function usersRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { auth, catalog } = options.services;
  const accounts = auth.accounts;

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<UsersPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const q = ctx.query.get('q') ?? '';
    const role = ctx.query.get('role') ?? '';
    const page = Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1;
    const found = searchUsers(await accounts.listUsers(), { q, role, page }, USERS_PAGE_SIZE);
    const full: UsersPageState = {
      ...found,
      groups: await accounts.listGroups(),
      q,
      role,
      form: emptyNewUser(),
      problems: {},
      notice: noticeOf(ctx),
      ...state,
    };
    return sendPage(reply, ctx, UsersPage({ ctx, state: full }), status);
  }

  async function userPage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    state: Partial<UserPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const datasets = (await catalog.listDatasets(request.viewer)).map((d) => ({
      id: d.id,
      title: d.metas.title || d.id,
    }));
    const full: UserPageState = {
      user,
      self: user.id === request.viewer.userId,
      form: userEditOf(user),
      problems: {},
      datasets,
      groups: await accounts.listGroups(),
      password: null,
      deletion: null,
      notice: noticeOf(ctx),
      ...state,
    };
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, UserPage({ ctx, state: full }), status);
  }

  /** The user the URL names, or a 404 page (null). */
  async function named(request: UserRequest, reply: FastifyReply): Promise<User | null> {
    const user = (await accounts.listUsers()).find((u) => u.id === request.params.id);
    if (user) return user;
    const ctx = pageContext(request, options);
    await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    return null;
  }

  const allowed = (request: FastifyRequest, reply: FastifyReply, back: string) =>
    adminOnly(request, reply, pageContext(request, options), back);

  scope.get('/backoffice/users', async (request, reply) => {
    if (!(await allowed(request, reply, USERS_PATH))) return reply;
    return listPage(request, reply, {});
  });

  scope.post<{ Body: Form }>('/backoffice/users', async (request, reply) => {
    if (!(await allowed(request, reply, USERS_PATH))) return reply;
    const form = newUserFromBody(request.body);
    const ctx = pageContext(request, options);
    const refused = (problems: UsersPageState['problems']) =>
      listPage(
        request,
        reply,
        { form, problems, notice: { kind: 'error', text: ctx.t('bo.notice.errors') } },
        400,
      );
    const problems = checkNewUser(form);
    if (Object.keys(problems).length > 0) return refused(problems);
    const generated = form.password === '' ? accounts.generatePassword() : null;
    let user: User;
    try {
      user = await accounts.createUser({
        email: form.email,
        name: form.name,
        role: form.role as User['role'],
        password: generated ?? form.password,
      });
    } catch (error) {
      if (isPortalError(error) && error.code === 'DG_ERR_ACCOUNT_EMAIL_TAKEN') {
        return refused({ email: { key: 'bo.users.error.emailTaken' } });
      }
      throw error;
    }
    await logAction(
      options.services,
      request,
      'user.create',
      diffOf({}, { email: user.email, ...profileOf(user) }),
    );
    const notice: Notice = { kind: 'success', text: ctx.t('bo.users.notice.created') };
    return userPage(request, reply, user, { password: generated, notice }, 201);
  });

  scope.get<{ Params: { id: string } }>('/backoffice/users/:id', async (request, reply) => {
    if (!(await allowed(request, reply, USERS_PATH))) return reply;
    const user = await named(request as UserRequest, reply);
    return user ? userPage(request, reply, user, {}) : reply;
  });

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/users/:id',
    async (request, reply) => {
      if (!(await allowed(request, reply, USERS_PATH))) return reply;
      const user = await named(request, reply);
      if (!user) return reply;
      const ctx = pageContext(request, options);
      const form = userEditFromBody(request.body);
      const datasets = (await catalog.listDatasets(request.viewer)).map((d) => d.id);
      const groups = (await accounts.listGroups()).map((g) => g.id);
      const refused = (problems: UserPageState['problems']) =>
        userPage(
          request,
          reply,
          user,
          { form, problems, notice: { kind: 'error', text: ctx.t('bo.notice.errors') } },
          400,
        );
      const problems = checkUserEdit(form, { datasets, groups });
      if (Object.keys(problems).length > 0) return refused(problems);
      try {
        await accounts.updateProfile(user.id, {
          name: form.name,
          role: form.role,
          editsAllDatasets: form.datasetsScope === 'all',
        });
      } catch (error) {
        if (isPortalError(error) && error.code === 'DG_ERR_ACCOUNT_LAST_ADMIN') {
          return refused({ role: { key: 'bo.users.error.lastAdmin' } });
        }
        throw error;
      }
      await accounts.setEditableDatasets(
        user.id,
        form.datasetsScope === 'all' ? [] : form.datasets,
      );
      await accounts.setGroups(user.id, form.groups);
      const after = await accounts.findUser(user.id);
      const diff = diffOf(profileOf(user), profileOf(after));
      if (Object.keys(diff).length > 0) {
        await logAction(options.services, request, 'user.update', {
          ...subject('email', user.email),
          ...diff,
        });
      }
      return reply.redirect(`${USERS_PATH}${user.id}/?done=saved`, 303);
    },
  );

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/users/:id/password',
    async (request, reply) => {
      if (!(await allowed(request, reply, USERS_PATH))) return reply;
      const user = await named(request, reply);
      if (!user) return reply;
      const password = await accounts.resetPassword(user.id);
      // The password itself is never logged: only that it was replaced.
      await logAction(options.services, request, 'user.password_reset', {
        ...subject('email', user.email),
      });
      return userPage(request, reply, user, { password });
    },
  );

  scope.post<{ Params: { id: string }; Body: Form }>(
    '/backoffice/users/:id/delete',
    async (request, reply) => {
      if (!(await allowed(request, reply, USERS_PATH))) return reply;
      const user = await named(request, reply);
      if (!user) return reply;
      const ctx = pageContext(request, options);
      const refused = (
        key: 'bo.user.deleteUnconfirmed' | 'bo.user.deleteOwn' | 'bo.users.error.lastAdmin',
      ) =>
        userPage(
          request,
          reply,
          user,
          { deletion: { key }, notice: { kind: 'error', text: ctx.t('bo.notice.errors') } },
          key === 'bo.user.deleteUnconfirmed' ? 400 : 409,
        );
      if (formField(request.body, 'confirm') !== 'yes') return refused('bo.user.deleteUnconfirmed');
      // An administrator does not remove their own access by accident: another one must do it.
      if (user.id === request.viewer.userId) return refused('bo.user.deleteOwn');
      try {
        await accounts.deleteUser(user.id);
      } catch (error) {
        if (isPortalError(error) && error.code === 'DG_ERR_ACCOUNT_LAST_ADMIN') {
          return refused('bo.users.error.lastAdmin');
        }
        throw error;
      }
      await logAction(
        options.services,
        request,
        'user.delete',
        diffOf({ email: user.email, ...profileOf(user) }, {}),
      );
      return reply.redirect(`${USERS_PATH}?done=deleted`, 303);
    },
  );
}
