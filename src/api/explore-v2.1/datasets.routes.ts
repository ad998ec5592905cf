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
import { checkAppMetas, datasetLinks, pageLinks, wantsLinks } from './links.ts';
import { noteResultCount } from '../../http/plugins/audience.ts';

/**
 * `{total_count, results}`; aggregations answer `{results}` only, as on records. With
 * `include_links`, `_links` to the page's neighbours and, on each dataset, to itself.
 */
function catalogPage(
  answer: CatalogAnswer,
  lang: string | undefined,
  links: { baseUrl: string; query: QueryValues; limit?: number; offset?: number } | null,
): Record<string, unknown> {
  const results =
    answer.kind === 'datasets'
      ? answer.datasets.map((d) => {
          const explore = toExploreDataset(d, lang);
          return links ? { _links: datasetLinks(links.baseUrl, d.id), ...explore } : explore;
        })
      : answer.results;
  const body: Record<string, unknown> =
    answer.totalCount === undefined ? {} : { total_count: answer.totalCount };
  if (links) {
    const url = `${links.baseUrl}/api/explore/v2.1/catalog/datasets`;
    body['_links'] = pageLinks(url, links.query, { ...links, totalCount: answer.totalCount });
  }
  body['results'] = results;
  return body;
}

export function datasetsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog, catalogQueries } = options.services;

  scope.get('/catalog/datasets', async (request, reply) => {
    const query = request.query as QueryValues;
    const input = catalogQueryInput(query, request.viewer);
    checkAppMetas(query);
    cacheForViewer(reply, request.viewer);
    const links = wantsLinks(query) ? { baseUrl: options.baseUrl, query, ...input } : null;
    const answer = await catalogQueries.query(input, 'page');
    noteResultCount(
      request,
      answer.kind === 'datasets' ? answer.totalCount : answer.results.length,
    );
    return catalogPage(answer, input.lang, links);
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
      lang: input.lang,
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
      const lang = checkLang(query);
      const links = wantsLinks(query);
      checkAppMetas(query);
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      const select = single(query, 'select');
      if (select === undefined || select.trim() === '' || select.trim() === '*') {
        if (answerNotModified(request, reply, dataset)) return reply;
        const explore = toExploreDataset(dataset, lang);
        return links ? { _links: datasetLinks(options.baseUrl, dataset.id), ...explore } : explore;
      }
      // With select, the chosen metadata of the dataset, flat (as each /catalog/datasets result).
      const answer = await catalogQueries.query(
        {
          viewer: request.viewer,
          select,
          where: [`dataset_id = ${JSON.stringify(dataset.id)}`],
          timezone: single(query, 'timezone'),
          lang,
        },
        'page',
      );
      return answer.kind === 'rows' ? (answer.results[0] ?? {}) : toExploreDataset(dataset, lang);
    },
  );
}
