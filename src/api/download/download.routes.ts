// The front-office download URL, /explore/dataset/{id}/download/?format=csv&…, used unchanged
// by clients since 2017 (see v1-download.ts for what it serves).

import type { FastifyInstance } from 'fastify';

import { useOdsErrors } from '../../http/ods-errors.ts';
import { useApiCors } from '../../http/plugins/api-cors.ts';
import { useApiCredentials } from '../../http/plugins/api-credentials.ts';
import { useApiQuota } from '../../http/plugins/api-quota.ts';
import type { QueryValues } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { sendV1Download } from './v1-download.ts';

export async function downloadRoutes(
  scope: FastifyInstance,
  options: SurfaceOptions,
): Promise<void> {
  await useApiCors(scope);
  useOdsErrors(scope, { notFound: false });
  useApiCredentials(scope, options.services.auth.apiKeys);
  useApiQuota(scope, options.anonymousQuota);

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/download',
    async (request, reply) =>
      sendV1Download(
        request,
        reply,
        options.services,
        request.params.dataset_id,
        request.query as QueryValues,
      ),
  );
}
