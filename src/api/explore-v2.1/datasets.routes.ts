// Catalog of datasets: GET /catalog/datasets (ODSQL over the datasets' metadata),
// /catalog/facets and /catalog/datasets/{dataset_id}.

import type { FastifyInstance } from 'fastify';

import type { CatalogAnswer } from '../../catalog/index.ts';
import { catalogFacets, parseCatalogFilters, toExploreDataset } from '../../catalog/index.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { cacheForViewer, readableDataset } from '../../http/viewer-caching.ts';
import { catalogQueryInput, checkLang } from './catalog-input.ts';
import { parseFacetParameter } from './facet-param.ts';

/** `{total_count, results}`; aggregations answer `{results}` only, as on records. */
function catalogPage(answer: CatalogAnswer): Record<string, unknown> {
  if (answer.kind === 'datasets') {
    return { total_count: answer.totalCount, results: answer.datasets.map(toExploreDataset) };
  }
  return answer.totalCount === undefined
    ? { results: answer.results }
    : { total_count: answer.totalCount, results: answer.results };
}

export function datasetsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog, catalogQueries } = options.services;

  scope.get('/catalog/datasets', async (request, reply) => {
    const query = request.query as QueryValues;
    const input = catalogQueryInput(query, request.viewer);
    cacheForViewer(reply, request.viewer);
    return catalogPage(await catalogQueries.query(input, 'page'));
  });

  scope.get('/catalog/facets', async (request, reply) => {
    const query = request.query as QueryValues;
    const input = catalogQueryInput(query, request.viewer);
    cacheForViewer(reply, request.viewer);
    const names = repeated(query, 'facet').map((text) => parseFacetParameter(text).name);
    // Facets count under where and qv1; refine and exclude also set each value's state.
    const datasets = await catalogQueries.filter({
      viewer: request.viewer,
      where: input.where,
      qv1: input.qv1,
      timezone: input.timezone,
    });
    return {
      facets: catalogFacets(
        datasets,
        parseCatalogFilters(input.refine ?? [], 'refine'),
        parseCatalogFilters(input.exclude ?? [], 'exclude'),
        names,
      ),
    };
  });

  scope.get<{ Params: { dataset_id: string } }>(
    '/catalog/datasets/:dataset_id',
    async (request, reply) => {
      const query = request.query as QueryValues;
      checkLang(query);
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      const select = single(query, 'select');
      if (select === undefined || select.trim() === '' || select.trim() === '*') {
        if (answerNotModified(request, reply, dataset)) return reply;
        return toExploreDataset(dataset);
      }
      // With select, the chosen metadata of the dataset, flat (as each /catalog/datasets result).
      const answer = await catalogQueries.query(
        {
          viewer: request.viewer,
          select,
          where: [`dataset_id = ${JSON.stringify(dataset.id)}`],
          timezone: single(query, 'timezone'),
        },
        'page',
      );
      return answer.kind === 'rows' ? (answer.results[0] ?? {}) : toExploreDataset(dataset);
    },
  );
}
