// Facets of a dataset: GET /catalog/datasets/{dataset_id}/facets.

import type { FastifyInstance } from 'fastify';

import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import { parseFacetParameter } from './facet-param.ts';
import { QueryTrace } from '../../records/index.ts';

export function facetsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog } = options.services;

  scope.get<{ Params: { dataset_id: string } }>(
    '/catalog/datasets/:dataset_id/facets',
    async (request, reply) => {
      const query = request.query as QueryValues;
      const facets = repeated(query, 'facet').map(parseFacetParameter);
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      const trace = new QueryTrace();
      const groups = await records.facets({
        datasetId: request.params.dataset_id,
        viewer: request.viewer,
        facets,
        where: repeated(query, 'where'),
        refine: repeated(query, 'refine'),
        exclude: repeated(query, 'exclude'),
        qv1: repeated(query, 'qv1'),
        timezone: single(query, 'timezone'),
        trace,
      });
      const timing = trace.serverTiming();
      if (timing !== null) void reply.header('server-timing', timing);
      return { facets: groups };
    },
  );
}
