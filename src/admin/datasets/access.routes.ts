// /backoffice/datasets/{id}/access/ (administrators and the dataset's editors; its editors'
// forms, administrators only): the visibility, read grants and editors of a dataset. A done
// form redirects back with a notice (303); a refused one shows the page again with the message
// next to its field (400; 404 for no such account or group; 409 for a grant already held).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Grantee } from '../../core/account.ts';
import { isPortalError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import type { SiteOptions } from '../../web/site-options.ts';
import { ForbiddenPage } from '../forbidden-page.tsx';
import type { Problem } from '../form-fields.tsx';
import { formField } from '../form-fields.tsx';
import type { ById } from '../managed-dataset.ts';
import { managedDataset } from '../managed-dataset.ts';
import type { AccessField, AccessPageState } from './access-page.tsx';
import { AccessPage, accessPath } from './access-page.tsx';

const DONE: Record<string, MessageKey> = {
  visibility: 'acc.notice.visibility',
  unchanged: 'acc.notice.unchanged',
  granted: 'acc.notice.granted',
  revoked: 'acc.notice.revoked',
  editorAdded: 'acc.notice.editorAdded',
  editorRemoved: 'acc.notice.editorRemoved',
};

const GRANTEE_ERRORS: Record<string, MessageKey> = {
  DG_ERR_ACCOUNT_NOT_FOUND: 'acc.problem.noAccount',
  DG_ERR_GROUP_NOT_FOUND: 'acc.problem.noGroup',
};

export function accessRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { datasetAccess } = options.services;

  /** The dataset's id once the door let the visitor in; null once a refusal is sent. */
  const datasetOf = async (request: FastifyRequest<ById>, reply: FastifyReply) =>
    (await managedDataset(request, reply, options, 'access/'))?.dataset.id ?? null;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    datasetId: string,
    more: Partial<AccessPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const done = DONE[ctx.query.get('done') ?? ''];
    const state: AccessPageState = {
      access: await datasetAccess.overview(request.viewer, datasetId),
      admin: request.viewer.role === 'admin',
      notice: done
        ? { kind: done === DONE['unchanged'] ? 'info' : 'success', text: ctx.t(done) }
        : null,
      grantee: '',
      problems: {},
      ...more,
    };
    return sendPage(reply, ctx, AccessPage({ ctx, state }), status);
  }

  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    datasetId: string,
    field: AccessField,
    problem: Problem,
    status: number,
    grantee = '',
  ) => {
    const notice = {
      kind: 'error' as const,
      text: pageContext(request, options).t('acc.problem.summary'),
    };
    return page(
      request,
      reply,
      datasetId,
      { notice, grantee, problems: { [field]: problem } },
      status,
    );
  };

  const back = (reply: FastifyReply, datasetId: string, done: keyof typeof DONE) =>
    reply.redirect(`${accessPath(datasetId)}?done=${done}`, 303);

  scope.get<ById>('/backoffice/datasets/:id/access', async (request, reply) => {
    const id = await datasetOf(request, reply);
    if (id === null) return reply;
    return page(request, reply, id, {});
  });

  scope.post<ById>('/backoffice/datasets/:id/access/visibility', async (request, reply) => {
    const id = await datasetOf(request, reply);
    if (id === null) return reply;
    const visibility = formField(request.body, 'visibility');
    if (visibility !== 'domain' && visibility !== 'restricted') {
      return refused(request, reply, id, 'visibility', { key: 'acc.problem.visibility' }, 400);
    }
    const changed = await datasetAccess.setVisibility(request.viewer, id, visibility);
    return back(reply, id, changed ? 'visibility' : 'unchanged');
  });

  scope.post<ById>('/backoffice/datasets/:id/access/grant', async (request, reply) => {
    const id = await datasetOf(request, reply);
    if (id === null) return reply;
    const typed = formField(request.body, 'grantee').trim().slice(0, 300);
    if (typed === '') {
      return refused(request, reply, id, 'grantee', { key: 'acc.problem.granteeMissing' }, 400);
    }
    let granted: boolean;
    try {
      granted = await datasetAccess.grant(request.viewer, id, typed);
    } catch (error) {
      const key = isPortalError(error) ? GRANTEE_ERRORS[error.code] : undefined;
      if (key === undefined) throw error;
      return refused(request, reply, id, 'grantee', { key }, 404, typed);
    }
    if (!granted) {
      return refused(request, reply, id, 'grantee', { key: 'acc.problem.granted' }, 409, typed);
    }
    return back(reply, id, 'granted');
  });

  scope.post<ById>('/backoffice/datasets/:id/access/revoke', async (request, reply) => {
    const id = await datasetOf(request, reply);
    if (id === null) return reply;
    const kind = formField(request.body, 'kind');
    const granteeId = formField(request.body, 'grantee');
    const revoked =
      (kind === 'user' || kind === 'group') &&
      (await datasetAccess.revoke(request.viewer, id, { kind, id: granteeId } as Grantee));
    return back(reply, id, revoked ? 'revoked' : 'unchanged');
  });

  for (const [path, edits] of [
    ['editors', true],
    ['editors/remove', false],
  ] as const) {
    scope.post<ById>(`/backoffice/datasets/:id/access/${path}`, async (request, reply) => {
      const id = await datasetOf(request, reply);
      if (id === null) return reply;
      if (request.viewer.role !== 'admin') {
        const ctx = pageContext(request, options);
        return sendPage(reply, ctx, ForbiddenPage({ ctx }), 403);
      }
      const userId = formField(request.body, 'user');
      let changed: boolean;
      try {
        changed = await datasetAccess.setEditor(request.viewer, id, userId, edits);
      } catch (error) {
        const bad =
          isPortalError(error) &&
          (error.code === 'DG_ERR_ACCOUNT_NOT_FOUND' || error.code === 'DG_ERR_ACCOUNT_INVALID');
        if (!bad) throw error;
        return refused(request, reply, id, 'editor', { key: 'acc.problem.editor' }, 400);
      }
      return back(reply, id, !changed ? 'unchanged' : edits ? 'editorAdded' : 'editorRemoved');
    });
  }
}
