// The site's own pages (home, catalog, legal pages, site map): one route per URL shape, each
// loading its data from the services and rendering its page component. Dataset pages are in
// dataset.routes.ts.

import type { FastifyInstance } from 'fastify';

import { flatFacetValues } from './pages/home-model.ts';
import { pageContext } from './page-context.ts';
import { loadCatalog } from './pages/catalog/catalog-model.ts';
import { CatalogPage } from './pages/catalog/catalog-page.tsx';
import { readCatalogState } from './pages/catalog/catalog-state.ts';
import { CookiesPage } from './pages/cookies-page.tsx';
import { HomePage } from './pages/home.tsx';
import type { LegalPath } from './pages/legal-pages.tsx';
import { LEGAL_PAGES, LegalPage, WRITTEN_PAGES } from './pages/legal-pages.tsx';
import { SiteMapPage } from './pages/site-map-page.tsx';
import { sendPage } from './render.ts';
import { cacheForViewer } from '../http/viewer-caching.ts';
import type { SiteOptions } from './site-options.ts';
import { noteResultCount } from '../http/plugins/audience.ts';

const NEWEST_SHOWN = 4;

export function pagesRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { catalog, audience } = options.services;

  scope.get('/', async (request, reply) => {
    const ctx = pageContext(request, options);
    const datasets = await catalog.listDatasets(ctx.viewer);
    cacheForViewer(reply, ctx.viewer);
    const newest = [...datasets].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    // Only what this visitor may read: a restricted dataset's popularity shows nowhere else.
    const visible = new Map(datasets.map((dataset) => [dataset.id, dataset]));
    const mostViewed = (await audience.mostViewed())
      .map((id) => visible.get(id))
      .filter((dataset) => dataset !== undefined);
    return sendPage(
      reply,
      ctx,
      HomePage({
        ctx,
        data: {
          themes: flatFacetValues(datasets, 'theme'),
          newest: newest.slice(0, NEWEST_SHOWN),
          mostViewed: mostViewed.slice(0, NEWEST_SHOWN),
          datasetCount: datasets.length,
          recordCount: datasets.reduce((n, d) => n + (d.current?.recordsCount ?? 0), 0),
        },
      }),
    );
  });

  scope.get('/explore', async (request, reply) => {
    const ctx = pageContext(request, options);
    const state = readCatalogState(ctx.query);
    const model = await loadCatalog(options.services, state, ctx.viewer);
    noteResultCount(request, model.total);
    cacheForViewer(reply, ctx.viewer);
    return sendPage(reply, ctx, CatalogPage({ ctx, state, model }));
  });

  for (const path of Object.keys(LEGAL_PAGES) as LegalPath[]) {
    scope.get(path, async (request, reply) => {
      const ctx = pageContext(request, options);
      const key = WRITTEN_PAGES[path];
      const written = key ? await options.services.texts.text(key, ctx.lang) : null;
      return sendPage(reply, ctx, LegalPage({ ctx, path, written }));
    });
  }
  scope.get('/cookies', async (request, reply) => {
    const ctx = pageContext(request, options);
    const { texts } = options.services;
    const [before, after] = await Promise.all([
      texts.text('cookie-policy.before', ctx.lang),
      texts.text('cookie-policy.after', ctx.lang),
    ]);
    return sendPage(reply, ctx, CookiesPage({ ctx, texts: { before, after } }));
  });
  scope.get('/sitemap', async (request, reply) => {
    const ctx = pageContext(request, options);
    const datasets = await catalog.listDatasets(ctx.viewer);
    cacheForViewer(reply, ctx.viewer);
    return sendPage(reply, ctx, SiteMapPage({ ctx, datasets }));
  });
}
