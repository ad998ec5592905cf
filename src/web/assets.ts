// Static files of the site: the State design system (DSFR) and Leaflet from their npm packages,
// and the site's own stylesheet. Long-lived caching: the DSFR files change only with the pinned version.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

import { DSFR_PATH } from './layout/layout.tsx';
import { LEAFLET_PATH } from './pages/dataset/map-tab.tsx';

const require = createRequire(import.meta.url);

export function dsfrDistFolder(): string {
  return join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
}

export const SITE_ASSETS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'assets');

export async function useSiteAssets(scope: FastifyInstance): Promise<void> {
  await scope.register(fastifyStatic, {
    root: dsfrDistFolder(),
    prefix: `${DSFR_PATH}/`,
    maxAge: '7d',
    index: false,
    list: false,
  });
  await scope.register(fastifyStatic, {
    root: join(dirname(require.resolve('leaflet/package.json')), 'dist'),
    prefix: `${LEAFLET_PATH}/`,
    decorateReply: false,
    maxAge: '7d',
    index: false,
    list: false,
  });
  await scope.register(fastifyStatic, {
    root: SITE_ASSETS_FOLDER,
    prefix: '/static/',
    decorateReply: false,
    maxAge: '1h',
    index: false,
    list: false,
  });
}
