// robots.txt and sitemap.xml: for crawlers, so the public datasets only, whoever asks.

import type { FastifyInstance } from 'fastify';

import { ANONYMOUS } from '../../core/access.ts';
import type { SiteOptions } from '../site-options.ts';
import { robotsTxt } from './robots.ts';
import { sitemapXml } from './sitemap-xml.ts';

export function seoRoutes(scope: FastifyInstance, options: SiteOptions): void {
  scope.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(options.baseUrl)),
  );
  scope.get('/sitemap.xml', async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .send(sitemapXml(options.baseUrl, await options.services.catalog.listDatasets(ANONYMOUS))),
  );
}
