// The API roots: /api/explore/v2.1/ and /api/explore/v2.1/catalog/ list what hangs below them.

import type { FastifyInstance } from 'fastify';

import { readFileSync } from 'node:fs';

import type { SurfaceOptions } from '../../http/services.ts';
import { openApiDocument } from '../openapi/document.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function rootsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const base = `${options.baseUrl}/api/explore/v2.1`;
  const link = (path: string, rel: string) => ({ href: `${base}${path}`, rel });

  scope.get('/', async () => ({
    _links: [link('/', 'self'), link('/catalog', 'catalog')],
  }));

  const openapi = openApiDocument(options.baseUrl, VERSION);
  scope.get('/openapi.json', async () => openapi);

  scope.get('/catalog', async () => ({
    _links: [
      link('/catalog', 'self'),
      link('/catalog/datasets', 'datasets'),
      link('/catalog/exports', 'exports'),
      link('/catalog/facets', 'facets'),
    ],
  }));
}
