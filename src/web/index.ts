// The public site (front office), server-rendered: home, catalog, dataset pages, legal pages,
// language choice, robots.txt and sitemap.xml, with localised error pages.

import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isPortalError } from '../core/errors.ts';
import { useConsent } from '../http/plugins/consent.ts';
import { usePortalSettings } from '../http/plugins/portal-settings.ts';
import { keepPrivate } from '../http/viewer-caching.ts';
import { useSiteAssets } from './assets.ts';
import { basemapRoutes } from './basemap.ts';
import { clientBundleRoutes } from './client-bundles.ts';
import { accountRoutes } from './account.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import { languageRoutes } from './language.routes.ts';
import { datasetRoutes } from './dataset.routes.ts';
import { pageContext } from './page-context.ts';
import { CsrfFailurePage, isCsrfError } from './pages/csrf-failure-page.tsx';
import { ErrorPage } from './pages/error-page.tsx';
import { pagesRoutes } from './pages.routes.ts';
import { portalAssetRoutes } from './portal-assets.routes.ts';
import { sendPage } from './render.ts';
import { seoRoutes } from './seo/seo.routes.ts';
import type { SiteOptions } from './site-options.ts';

export type { SiteOptions } from './site-options.ts';

export async function webSite(scope: FastifyInstance, options: SiteOptions): Promise<void> {
  await scope.register(formbody);
  await useSiteAssets(scope);
  useConsent(scope, options.services.consent);
  usePortalSettings(scope, options.services.settings);

  scope.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const status = siteErrorStatus(error);
    if (status >= 500) request.log.error({ err: error }, 'site page failed');
    const ctx = pageContext(request, options);
    if (isPortalError(error) && isCsrfError(error.code)) {
      return sendPage(reply, ctx, CsrfFailurePage({ ctx, code: error.code }), status);
    }
    // Another visitor may read the dataset: the page must not be shared (nor tell which case).
    if (isPortalError(error) && error.code === 'DG_ERR_DATASET_NOT_FOUND') keepPrivate(reply);
    return sendPage(reply, ctx, ErrorPage({ ctx, status }), status);
  });
  scope.setNotFoundHandler((request, reply) => {
    const ctx = pageContext(request, options);
    return sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
  });

  languageRoutes(scope);
  accountRoutes(scope, options);
  consentRoutes(scope, options);
  clientBundleRoutes(scope);
  basemapRoutes(scope);
  pagesRoutes(scope, options);
  portalAssetRoutes(scope, options);
  datasetRoutes(scope, options);
  seoRoutes(scope, options);
}

/** Registry errors keep their status (a missing dataset is a 404); anything else is a 500. */
function siteErrorStatus(error: unknown): number {
  if (isPortalError(error)) return error.status;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
