// /backoffice/datasets/ and each dataset's page (administrators, and editors for the datasets
// they may edit): the list, the overview, publish and unpublish (POST, back to the overview with
// a notice), delete and roll back (a confirmation page, then a POST that needs the box ticked).
// A dataset the visitor may not manage answers 403; an unknown one 404.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isValidDatasetId } from '../core/dataset.ts';
import { isPortalError } from '../core/errors.ts';
import { isStateFilter } from '../datasets/index.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { staffOnly } from './admin-access.ts';
import { DATASETS_PATH } from './backoffice-menu.tsx';
import type { ConfirmedAction } from './dataset-confirm-page.tsx';
import { DatasetConfirmPage } from './dataset-confirm-page.tsx';
import { DatasetPage } from './dataset-page.tsx';
import { datasetPath } from './dataset-tabs.tsx';
import { DatasetsListPage } from './datasets-list-page.tsx';
import { readPeriod } from './statistics-period.ts';
import type { ById } from './managed-dataset.ts';
import { managedDataset } from './managed-dataset.ts';

export const DATASETS_PAGE_SIZE = 20;

const DONE_NOTICES: Record<string, MessageKey> = {
  published: 'bo.dataset.notice.published',
  unpublished: 'bo.dataset.notice.unpublished',
  rolledback: 'bo.dataset.notice.rolledback',
};

function pageNumber(text: string | null): number {
  const page = Number(text ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function datasetsRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { datasets, audience } = options.services;

  const overviewFor = (request: FastifyRequest<ById>, reply: FastifyReply) =>
    managedDataset(request, reply, options);

  scope.get('/backoffice/datasets', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await staffOnly(request, reply, ctx, DATASETS_PATH))) return reply;
    const q = (ctx.query.get('q') ?? '').trim().slice(0, 200);
    const asked = ctx.query.get('state') ?? '';
    const state = isStateFilter(asked) ? asked : null;
    const list = await datasets.list(request.viewer, {
      q,
      state,
      page: pageNumber(ctx.query.get('page')),
      pageSize: DATASETS_PAGE_SIZE,
    });
    const deleted = ctx.query.get('deleted');
    const notice =
      deleted !== null && isValidDatasetId(deleted)
        ? ctx.t('bo.datasets.notice.deleted', { id: deleted })
        : null;
    const stateProblem = asked !== '' && state === null;
    return sendPage(
      reply,
      ctx,
      DatasetsListPage({ ctx, state: { q, state, stateProblem, list, notice } }),
      stateProblem ? 400 : 200,
    );
  });

  scope.get<ById>('/backoffice/datasets/:id', async (request, reply) => {
    const overview = await overviewFor(request, reply);
    if (!overview) return reply;
    const ctx = pageContext(request, options);
    const key = DONE_NOTICES[ctx.query.get('done') ?? ''];
    const notice = key ? { text: ctx.t(key), error: false } : null;
    const month = readPeriod(new URLSearchParams({ period: 'month' }), audience.now()).period;
    const report = await audience.report(month, overview.dataset.id);
    return sendPage(reply, ctx, DatasetPage({ ctx, overview, notice, audience: report }));
  });

  for (const [path, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    scope.post<ById>(`/backoffice/datasets/:id/${path}`, async (request, reply) => {
      const overview = await overviewFor(request, reply);
      if (!overview) return reply;
      await datasets.setPublished(request.viewer, overview.dataset.id, published);
      const done = published ? 'published' : 'unpublished';
      return reply.redirect(`${datasetPath(overview.dataset.id)}?done=${done}`, 303);
    });
  }

  for (const action of ['delete', 'rollback'] as ConfirmedAction[]) {
    scope.get<ById>(`/backoffice/datasets/:id/${action}`, async (request, reply) => {
      const overview = await overviewFor(request, reply);
      if (!overview) return reply;
      const ctx = pageContext(request, options);
      return sendPage(
        reply,
        ctx,
        DatasetConfirmPage({ ctx, overview, action, unconfirmed: false }),
      );
    });

    scope.post<ById>(`/backoffice/datasets/:id/${action}`, async (request, reply) => {
      const overview = await overviewFor(request, reply);
      if (!overview) return reply;
      const ctx = pageContext(request, options);
      const id = overview.dataset.id;
      if (request.body?.['confirm'] !== 'yes') {
        const page = DatasetConfirmPage({ ctx, overview, action, unconfirmed: true });
        return sendPage(reply, ctx, page, 400);
      }
      if (action === 'delete') {
        await datasets.delete(request.viewer, id);
        return reply.redirect(`${DATASETS_PATH}?deleted=${encodeURIComponent(id)}`, 303);
      }
      try {
        await datasets.rollback(request.viewer, id);
      } catch (error) {
        if (!isPortalError(error) || error.code !== 'DG_ERR_DATASET_NO_PREVIOUS_VERSION') {
          throw error;
        }
        const notice = { text: ctx.t('bo.dataset.notice.noPrevious'), error: true };
        return sendPage(reply, ctx, DatasetPage({ ctx, overview, notice }), 409);
      }
      return reply.redirect(`${datasetPath(id)}?done=rolledback`, 303);
    });
  }
}
