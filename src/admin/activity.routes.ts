// /backoffice/activity/ (administrators only): the activity log with its filters and pages.
// Filters that name nothing known are ignored, the dataset one with a message next to it.

import type { FastifyInstance } from 'fastify';

import { DATASET_ACTIONS, isActivityAction } from '../core/activity.ts';
import { isValidDatasetId } from '../core/dataset.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { ACCESS_ACTIONS, ATTACHMENT_ACTIONS } from '../datasets/index.ts';
import { PROCESSOR_ACTIONS } from '../ingest/dataset-processors.ts';
import { ACCOUNT_ACTIONS } from './account-activity.ts';
import { adminOnly } from './admin-access.ts';
import type { ActivityFilters } from './activity-page.tsx';
import { ActivityLogPage } from './activity-page.tsx';
import { ACTIVITY_PATH } from './backoffice-menu.tsx';

export const ACTIVITY_PAGE_SIZE = 50;

export function activityRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { activity, auth } = options.services;

  scope.get('/backoffice/activity', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await adminOnly(request, reply, ctx, ACTIVITY_PATH))) return reply;
    const users = await auth.accounts.listUsers();
    const userId = ctx.query.get('user') ?? '';
    const action = ctx.query.get('action') ?? '';
    const datasetId = (ctx.query.get('dataset') ?? '').trim();
    const filters: ActivityFilters = {
      userId: users.some((u) => u.id === userId) ? userId : '',
      action: isActivityAction(action) ? action : '',
      datasetId: datasetId.slice(0, 100),
    };
    const datasetProblem = datasetId !== '' && !isValidDatasetId(datasetId);
    const asked = Number(ctx.query.get('page') ?? '1');
    const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
    const query = {
      ...(filters.userId ? { userId: filters.userId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.datasetId && !datasetProblem ? { datasetId: filters.datasetId } : {}),
    };
    let log = await activity.list({
      ...query,
      limit: ACTIVITY_PAGE_SIZE,
      offset: (page - 1) * ACTIVITY_PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(log.total / ACTIVITY_PAGE_SIZE));
    const shownPage = Math.min(page, pages);
    if (shownPage !== page) {
      log = await activity.list({
        ...query,
        limit: ACTIVITY_PAGE_SIZE,
        offset: (shownPage - 1) * ACTIVITY_PAGE_SIZE,
      });
    }
    const actions = [
      ...new Set([
        ...DATASET_ACTIONS,
        ...ATTACHMENT_ACTIONS,
        ...ACCESS_ACTIONS,
        ...PROCESSOR_ACTIONS,
        ...ACCOUNT_ACTIONS,
        ...(filters.action ? [filters.action] : []),
      ]),
    ];
    return sendPage(
      reply,
      ctx,
      ActivityLogPage({
        ctx,
        state: { filters, datasetProblem, log, page: shownPage, pages, users, actions },
      }),
      datasetProblem ? 400 : 200,
    );
  });
}
