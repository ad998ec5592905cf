// API v1 dataset endpoints: /api/datasets/1.0/search/ (the catalog, with catalog facets) and
// /api/datasets/1.0/{dataset_id}/ (one dataset, as ods-widgets load it).

import type { FastifyInstance } from 'fastify';

import {
  catalogFacets,
  filterCatalog,
  parseCatalogFilters,
  toV1Dataset,
} from '../../catalog/index.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { v1Paging } from './v1-params.ts';

/** `refine.theme=Santé` parameters as catalog facet filters. */
function facetParameters(query: QueryValues, prefix: string): string[] {
  return Object.keys(query)
    .filter((name) => name.startsWith(prefix))
    .flatMap((name) =>
      repeated(query, name).map((v) => `${name.slice(prefix.length)}:${JSON.stringify(v)}`),
    );
}

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function datasetsV1Routes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog } = options.services;
  const domain = new URL(options.baseUrl).host;

  scope.get('/datasets/1.0/search', async (request) => {
    const query = request.query as QueryValues;
    const { rows, start } = v1Paging(query);
    const refines = parseCatalogFilters(facetParameters(query, 'refine.'), 'refine');
    const excludes = parseCatalogFilters(facetParameters(query, 'exclude.'), 'exclude');
    const q = single(query, 'q') ?? '';
    // `q`: the datasets whose title, description, themes, keywords or publisher hold every word.
    const wanted = words(q);
    const all = filterCatalog(await catalog.listDatasets(), refines, excludes).filter((d) => {
      if (wanted.length === 0) return true;
      const text = new Set(
        words(
          [
            d.id,
            d.metas.title,
            d.metas.description ?? '',
            ...(d.metas.theme ?? []),
            ...(d.metas.keyword ?? []),
            d.metas.publisher ?? '',
          ].join(' '),
        ),
      );
      return wanted.every((w) => text.has(w));
    });
    const facetNames = repeated(query, 'facet');
    const parameters: Record<string, unknown> = { rows, format: 'json' };
    if (single(query, 'start') !== undefined) parameters['start'] = start;
    if (q !== '') parameters['q'] = q;
    if (facetNames.length > 0) parameters['facet'] = facetNames;
    return {
      nhits: all.length,
      parameters,
      datasets: all.slice(start, start + rows).map((d) => toV1Dataset(d, domain)),
      ...(facetNames.length === 0
        ? {}
        : {
            facet_groups: catalogFacets(all, refines, excludes, facetNames).map((g) => ({
              name: g.name,
              facets: g.facets.map((n) => ({
                name: n.name,
                path: n.value,
                count: n.count,
                state: n.state,
              })),
            })),
          }),
    };
  });

  scope.get<{ Params: { dataset_id: string } }>(
    '/datasets/1.0/:dataset_id',
    async (request, reply) => {
      const dataset = await catalog.getDataset(request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      return toV1Dataset(dataset, domain);
    },
  );
}
