// /assets/{name}: the files administrators upload in the back office (the logo). The name
// carries the file's hash, so an answer never changes and is cached for a year; an SVG can run
// nothing, even opened on its own (a strict Content-Security-Policy, no sniffing).

import type { FastifyInstance } from 'fastify';

import { ASSET_CSP } from '../settings/index.ts';
import { pageContext } from './page-context.ts';
import { ErrorPage } from './pages/error-page.tsx';
import { sendPage } from './render.ts';
import type { SiteOptions } from './site-options.ts';

export function portalAssetRoutes(scope: FastifyInstance, options: SiteOptions): void {
  scope.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = await options.services.settings.asset(request.params.name);
    if (!asset) {
      const ctx = pageContext(request, options);
      return sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    }
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', ASSET_CSP)
      .header('content-disposition', 'inline')
      .send(asset.body);
  });
}
