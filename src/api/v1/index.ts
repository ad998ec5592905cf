// The legacy API v1 surface, mounted under /api.

import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

import { useOdsErrors } from '../../http/ods-errors.ts';
import { useApiCors } from '../../http/plugins/api-cors.ts';
import { useApiCredentials } from '../../http/plugins/api-credentials.ts';
import { useApiQuota } from '../../http/plugins/api-quota.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { analyzeRoutes } from './analyze.routes.ts';
import { datasetsV1Routes } from './datasets.routes.ts';
import { recordsV1Routes } from './records.routes.ts';
import { searchRoutes } from './search.routes.ts';

export async function apiV1(scope: FastifyInstance, options: SurfaceOptions): Promise<void> {
  await useApiCors(scope);
  await scope.register(formbody);
  useOdsErrors(scope, { notFound: false });
  useApiCredentials(scope, options.services.auth.apiKeys);
  useApiQuota(scope, options.anonymousQuota);
  searchRoutes(scope, options);
  analyzeRoutes(scope, options);
  recordsV1Routes(scope, options);
  datasetsV1Routes(scope, options);
}
