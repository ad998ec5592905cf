// GET /backoffice/statistics/: the audience dashboard, for administrators only. Anonymous
// visitors are sent to the sign-in page (and back); other accounts get a 403 page.

import type { FastifyInstance } from 'fastify';

import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { figureCsv, statisticsFigures } from './statistics-figures.ts';
import { adminOnly } from './admin-access.ts';
import { STATISTICS_PATH } from './backoffice-menu.tsx';
import { StatisticsPage } from './statistics-page.tsx';
import { readPeriod } from './statistics-period.ts';

export function statisticsRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { audience } = options.services;

  scope.get('/backoffice/statistics', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await adminOnly(request, reply, ctx, STATISTICS_PATH))) return reply;
    const choice = readPeriod(ctx.query, audience.now());
    // What the recorder holds is written first, so the dashboard is up to the minute.
    await audience.flush();
    const figures = statisticsFigures(ctx.t, await audience.report(choice.period));
    const status = choice.problem ? 400 : 200;
    if (ctx.query.get('format') === 'csv') {
      const figure = figures.find((f) => f.id === ctx.query.get('figure'));
      if (!figure || choice.problem)
        return sendPage(reply, ctx, ErrorPage({ ctx, status: 400 }), 400);
      const name = `statistics-${figure.id}-${choice.period.from}-${choice.period.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(figureCsv(figure));
    }
    return sendPage(reply, ctx, StatisticsPage({ ctx, choice, figures }), status);
  });
}
