// GET /backoffice/statistics/: the audience dashboard, for administrators only. Anonymous
// visitors are sent to the sign-in page (and back); other accounts get a 403 page.

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { isPortalError } from '../core/errors.ts';

import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import type { KeyNames } from './statistics-figures.ts';
import { figureCsv, statisticsFigures } from './statistics-figures.ts';
import { adminOnly } from './admin-access.ts';
import { STATISTICS_PATH } from './backoffice-menu.tsx';
import { StatisticsPage } from './statistics-page.tsx';
import { readPeriod } from './statistics-period.ts';

export function statisticsRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { audience, catalog, auth } = options.services;

  /** `?dataset=ID` restricts the figures to a dataset, when one has that id. */
  async function datasetOf(request: FastifyRequest, id: string | null) {
    if (id === null) return { dataset: null, unknown: null };
    try {
      return { dataset: (await catalog.getDataset(id, request.viewer)).id, unknown: null };
    } catch (error) {
      if (isPortalError(error)) return { dataset: null, unknown: id };
      throw error;
    }
  }

  /** "label (prefix…), owner" for each API key, so the figures never show a key itself. */
  async function keyNames(): Promise<KeyNames> {
    const [keys, users] = await Promise.all([auth.apiKeys.list(), auth.accounts.listUsers()]);
    const emails = new Map(users.map((user) => [user.id, user.email]));
    return new Map(
      keys.map((key) => [
        key.id,
        `${key.label || key.id} (${key.prefix}…), ${emails.get(key.userId) ?? key.userId}`,
      ]),
    );
  }

  scope.get('/backoffice/statistics', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await adminOnly(request, reply, ctx, STATISTICS_PATH))) return reply;
    const choice = readPeriod(ctx.query, audience.now());
    const { dataset, unknown } = await datasetOf(request, ctx.query.get('dataset')?.trim() || null);
    // What the recorder holds is written first, so the dashboard is up to the minute.
    await audience.flush();
    const report = await audience.report(choice.period, dataset);
    const figures = statisticsFigures(ctx.t, report, await keyNames());
    const status = choice.problem || unknown !== null ? 400 : 200;
    if (ctx.query.get('format') === 'csv') {
      const figure = figures.find((f) => f.id === ctx.query.get('figure'));
      if (!figure || status !== 200)
        return sendPage(reply, ctx, ErrorPage({ ctx, status: 400 }), 400);
      const scope = dataset === null ? '' : `-${dataset}`;
      const name = `statistics${scope}-${figure.id}-${choice.period.from}-${choice.period.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(figureCsv(figure));
    }
    return sendPage(
      reply,
      ctx,
      StatisticsPage({ ctx, choice, figures, dataset, unknownDataset: unknown }),
      status,
    );
  });
}
