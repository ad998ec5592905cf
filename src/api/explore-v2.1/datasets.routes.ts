// Catalog of datasets: GET /catalog/datasets and GET /catalog/datasets/{dataset_id}.

import type { FastifyInstance } from 'fastify';

import {
  catalogFacets,
  filterCatalog,
  parseCatalogFilters,
  toExploreDataset,
} from '../../catalog/index.ts';
import { PortalError } from '../../core/errors.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer, repeated } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { checkPaging } from '../../records/index.ts';
import { parseFacetParameter } from './facet-param.ts';

/** Catalog parameters that need ODSQL over metadata, which the catalog does not run yet. */
const CATALOG_QUERY_PARAMETERS = ['select', 'where', 'group_by', 'order_by'];

export function datasetsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog } = options.services;

  scope.get('/catalog/datasets', async (request) => {
    const query = request.query as QueryValues;
    for (const name of CATALOG_QUERY_PARAMETERS) {
      if (query[name] !== undefined) {
        throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
          detail: `The ${name} API parameter is not supported on the catalog yet.`,
        });
      }
    }
    const paging = checkPaging(integer(query, 'limit'), integer(query, 'offset'), false);
    const datasets = filterCatalog(
      await catalog.listDatasets(),
      parseCatalogFilters(repeated(query, 'refine'), 'refine'),
      parseCatalogFilters(repeated(query, 'exclude'), 'exclude'),
    );
    return {
      total_count: datasets.length,
      results: datasets.slice(paging.offset, paging.offset + paging.limit).map(toExploreDataset),
    };
  });

  scope.get('/catalog/facets', async (request) => {
    const query = request.query as QueryValues;
    const names = repeated(query, 'facet').map((text) => parseFacetParameter(text).name);
    return {
      facets: catalogFacets(
        await catalog.listDatasets(),
        parseCatalogFilters(repeated(query, 'refine'), 'refine'),
        parseCatalogFilters(repeated(query, 'exclude'), 'exclude'),
        names,
      ),
    };
  });

  scope.get<{ Params: { dataset_id: string } }>(
    '/catalog/datasets/:dataset_id',
    async (request, reply) => {
      const dataset = await catalog.getDataset(request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      return toExploreDataset(dataset);
    },
  );
}
