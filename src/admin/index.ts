// The back office surface (signed-in staff): the datasets and their lifecycle, the activity log,
// users, groups, API keys and the portal settings, the audience statistics dashboard and the
// consent settings (third-party services, cookie policy texts). Its pages wear the site's layout and
// languages; its forms are CSRF-protected like the site's.

import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

import { isPortalError } from '../core/errors.ts';

import { useConsent } from '../http/plugins/consent.ts';
import { usePortalSettings } from '../http/plugins/portal-settings.ts';
import { pageContext } from '../web/page-context.ts';
import { CsrfFailurePage, isCsrfError } from '../web/pages/csrf-failure-page.tsx';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { staffOnly } from './admin-access.ts';
import { DATASETS_PATH } from './backoffice-menu.tsx';
import { activityRoutes } from './activity.routes.ts';
import { datasetsRoutes } from './datasets.routes.ts';
import { metadataRoutes } from './metadata.routes.ts';
import { schemaRoutes } from './schema.routes.ts';
import { apiKeysRoutes } from './api-keys.routes.ts';
import { consentAdminRoutes } from './consent.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { newDatasetRoutes } from './datasets/new-dataset.routes.ts';
import { sourceRoutes } from './datasets/source.routes.ts';
import { attachmentsRoutes } from './datasets/attachments.routes.ts';
import { accessRoutes } from './datasets/access.routes.ts';
import { processorsRoutes } from './datasets/processors.routes.ts';
import { statisticsRoutes } from './statistics.routes.ts';

export async function backOffice(scope: FastifyInstance, options: SiteOptions): Promise<void> {
  await scope.register(formbody);
  useConsent(scope, options.services.consent);
  usePortalSettings(scope, options.services.settings);
  scope.setErrorHandler((error, request, reply) => {
    const ctx = pageContext(request, options);
    if (isPortalError(error) && isCsrfError(error.code)) {
      return sendPage(reply, ctx, CsrfFailurePage({ ctx, code: error.code }), error.status);
    }
    // A request Fastify refuses (a body too large, a bad content type) keeps its 4xx status.
    // So does a registry error of bad input (an unknown dataset, a busy import).
    const code = isPortalError(error)
      ? error.status
      : (error as { statusCode?: unknown }).statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error({ err: error }, 'back office page failed');
    return sendPage(reply, ctx, ErrorPage({ ctx, status }), status);
  });
  // The back office's entry: the datasets, for administrators and editors alike.
  scope.get('/backoffice', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await staffOnly(request, reply, ctx, '/backoffice/'))) return reply;
    return reply.redirect(DATASETS_PATH, 302);
  });
  datasetsRoutes(scope, options);
  metadataRoutes(scope, options);
  schemaRoutes(scope, options);
  processorsRoutes(scope, options);
  activityRoutes(scope, options);
  statisticsRoutes(scope, options);
  consentAdminRoutes(scope, options);
  usersRoutes(scope, options);
  groupsRoutes(scope, options);
  apiKeysRoutes(scope, options);
  await settingsRoutes(scope, options);
  await newDatasetRoutes(scope, options);
  await sourceRoutes(scope, options);
  await attachmentsRoutes(scope, options);
  accessRoutes(scope, options);
}
