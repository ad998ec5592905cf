// API v1 dataset endpoints: /api/datasets/1.0/search/ (the catalog: the v1 `q` language over
// metadata, refine/exclude, sort, paging, catalog facets) and
// /api/datasets/1.0/{dataset_id}/ (one dataset, as ods-widgets load it), and its attachments'
// files at /api/datasets/1.0/{dataset_id}/attachments/{attachment_id}/.

import type { FastifyInstance } from 'fastify';

import {
  catalogFacets,
  catalogRss,
  parseCatalogFilters,
  toV1Dataset,
} from '../../catalog/index.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { cacheForViewer, readableDataset } from '../../http/viewer-caching.ts';
import { sendAttachment } from '../attachments/send-attachment.ts';
import { LANGUAGES } from '../explore-v2.1/catalog-input.ts';
import { catalogCsv, catalogTable } from '../explore-v2.1/catalog-table.ts';
import { csvSeparator } from '../download/download-params.ts';
import { sendV1Json, v1Format } from './v1-format.ts';
import { v1OrderBy, v1Paging } from './v1-params.ts';
import { noteResultCount } from '../../http/plugins/audience.ts';

/** `refine.theme=Santé` parameters as catalog facet filters. */
function facetParameters(query: QueryValues, prefix: string): string[] {
  return Object.keys(query)
    .filter((name) => name.startsWith(prefix))
    .flatMap((name) =>
      repeated(query, name).map((v) => `${name.slice(prefix.length)}:${JSON.stringify(v)}`),
    );
}

/** v1's `lang`: metadata in that language where translated; other values are ignored. */
function v1Lang(query: QueryValues): string | undefined {
  const lang = single(query, 'lang')?.toLowerCase();
  return lang !== undefined && LANGUAGES.includes(lang) ? lang : undefined;
}

/** `q` and the `q.<name>` clauses, ANDed. */
function v1Queries(query: QueryValues): string[] {
  return Object.keys(query)
    .filter((name) => name === 'q' || name.startsWith('q.'))
    .flatMap((name) => repeated(query, name));
}

export function datasetsV1Routes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog, catalogQueries } = options.services;
  const domain = new URL(options.baseUrl).host;

  scope.get('/datasets/1.0/search', async (request, reply) => {
    const query = request.query as QueryValues;
    const viewer = request.viewer;
    cacheForViewer(reply, viewer);
    const { rows, start } = v1Paging(query);
    const format = v1Format(query, ['json', 'jsonp', 'csv', 'rss']);
    const refine = facetParameters(query, 'refine.');
    const exclude = facetParameters(query, 'exclude.');
    const qv1 = v1Queries(query);
    const sort = single(query, 'sort');
    const lang = v1Lang(query);
    const answer = await catalogQueries.query(
      { viewer, qv1, refine, exclude, orderBy: v1OrderBy(sort), limit: rows, offset: start, lang },
      'export',
    );
    const datasets = answer.kind === 'datasets' ? answer.datasets : [];
    noteResultCount(request, answer.kind === 'datasets' ? answer.totalCount : 0);
    if (format === 'csv') {
      const csv = catalogCsv(catalogTable(answer), {
        delimiter: csvSeparator(query),
        listSeparator: ',',
        quoteAll: false,
        withBom: false,
        useLabels: false,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="datasets.csv"')
        .send(csv);
    }
    if (format === 'rss') {
      const { portalName } = await options.services.settings.current();
      const rss = catalogRss(datasets, options.baseUrl, portalName);
      return reply.type('application/rss+xml; charset=utf-8').send(rss);
    }
    const facetNames = repeated(query, 'facet');
    const parameters: Record<string, unknown> = { rows, format };
    if (single(query, 'start') !== undefined) parameters['start'] = start;
    const q = single(query, 'q') ?? '';
    if (q !== '') parameters['q'] = q;
    if (sort !== undefined && sort !== '') parameters['sort'] = sort.split(',');
    if (facetNames.length > 0) parameters['facet'] = facetNames;
    return sendV1Json(reply, query, format, {
      nhits: answer.kind === 'datasets' ? answer.totalCount : 0,
      parameters,
      datasets: datasets.map((d) => toV1Dataset(d, domain)),
      ...(facetNames.length === 0
        ? {}
        : {
            facet_groups: catalogFacets(
              await catalogQueries.filter({ viewer, qv1, lang }),
              parseCatalogFilters(refine, 'refine'),
              parseCatalogFilters(exclude, 'exclude'),
              facetNames,
            ).map((g) => ({
              name: g.name,
              facets: g.facets.map((n) => ({
                name: n.name,
                path: n.value,
                count: n.count,
                state: n.state,
              })),
            })),
          }),
    });
  });

  scope.get<{ Params: { dataset_id: string } }>(
    '/datasets/1.0/:dataset_id',
    async (request, reply) => {
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      return toV1Dataset(dataset, domain, v1Lang(request.query as QueryValues));
    },
  );

  scope.get<{ Params: { dataset_id: string; attachment_id: string } }>(
    '/datasets/1.0/:dataset_id/attachments/:attachment_id',
    async (request, reply) =>
      sendAttachment(
        reply,
        await options.services.attachments.find(
          request.params.dataset_id,
          request.params.attachment_id,
          request.viewer,
        ),
      ),
  );
}
