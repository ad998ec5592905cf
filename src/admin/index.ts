// The back office surface (signed-in staff): for now the audience statistics dashboard. Its
// pages wear the site's layout and languages.

import type { FastifyInstance } from 'fastify';

import { useConsent } from '../http/plugins/consent.ts';
import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { statisticsRoutes } from './statistics.routes.ts';

export async function backOffice(scope: FastifyInstance, options: SiteOptions): Promise<void> {
  useConsent(scope, options.services.consent);
  scope.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'back office page failed');
    return sendPage(
      reply,
      pageContext(request, options),
      ErrorPage({ ctx: pageContext(request, options), status: 500 }),
      500,
    );
  });
  statisticsRoutes(scope, options);
}
