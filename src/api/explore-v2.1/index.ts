// The Explore API v2.1 surface, mounted under /api/explore/v2.1.

import type { FastifyInstance } from 'fastify';

import { useOdsErrors } from '../../http/ods-errors.ts';
import { useApiCors } from '../../http/plugins/api-cors.ts';
import { useApiCredentials } from '../../http/plugins/api-credentials.ts';
import { useApiQuota } from '../../http/plugins/api-quota.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import { catalogExportsRoutes } from './catalog-exports.routes.ts';
import { datasetsRoutes } from './datasets.routes.ts';
import { exportsRoutes } from './exports.routes.ts';
import { facetsRoutes } from './facets.routes.ts';
import { recordsRoutes } from './records.routes.ts';
import { rootsRoutes } from './roots.routes.ts';

export async function exploreV21(scope: FastifyInstance, options: SurfaceOptions): Promise<void> {
  await useApiCors(scope);
  useOdsErrors(scope);
  useApiCredentials(scope, options.services.auth.apiKeys);
  useApiQuota(scope, options.anonymousQuota);
  rootsRoutes(scope, options);
  datasetsRoutes(scope, options);
  recordsRoutes(scope, options);
  exportsRoutes(scope, options);
  facetsRoutes(scope, options);
  catalogExportsRoutes(scope, options);
  attachmentsRoutes(scope, options);
}
