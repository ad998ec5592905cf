// Records of a dataset: GET …/records (ODSQL query) and GET …/records/{record_id}.

import type { FastifyInstance } from 'fastify';

import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import { checkAppMetas, pageLinks, recordLinks, wantsLinks } from './links.ts';
import { recordsQueryInput } from './query-input.ts';
import { noteResultCount } from '../../http/plugins/audience.ts';
import { QueryTrace } from '../../records/index.ts';

/** The JSON text of each page without links, by its results (a page's own array). */
const pageTexts = new WeakMap<readonly unknown[], string>();

interface DatasetParams {
  dataset_id: string;
}

export function recordsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog } = options.services;

  scope.get<{ Params: DatasetParams }>(
    '/catalog/datasets/:dataset_id/records',
    async (request, reply) => {
      const query = request.query as QueryValues;
      const links = wantsLinks(query);
      checkAppMetas(query);
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      const input = recordsQueryInput(request.params.dataset_id, request.viewer, query);
      const trace = new QueryTrace();
      const page = await records.queryRecords({ ...input, withRecordIds: links, trace, dataset });
      noteResultCount(request, page.totalCount ?? page.results.length);
      const timing = [
        ...(page.queryMs === undefined ? [] : [`db;dur=${page.queryMs.toFixed(1)}`]),
        ...[trace.serverTiming()].filter((entry) => entry !== null),
      ];
      if (timing.length > 0) void reply.header('server-timing', timing.join(', '));
      const body: Record<string, unknown> =
        page.totalCount === undefined ? {} : { total_count: page.totalCount };
      if (!links) {
        // A page kept by the records service comes back with the same results: its JSON text
        // is kept beside it for as long as the page is.
        let text = pageTexts.get(page.results);
        if (text === undefined) {
          text = JSON.stringify({ ...body, results: page.results });
          pageTexts.set(page.results, text);
        }
        return reply.type('application/json; charset=utf-8').send(text);
      }
      const url = `${options.baseUrl}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(dataset.id)}/records`;
      body['_links'] = pageLinks(url, query, { ...input, totalCount: page.totalCount });
      const ids = page.recordIds;
      body['results'] = ids
        ? page.results.map((r, i) => ({
            _links: recordLinks(options.baseUrl, dataset.id, ids[i]!),
            ...r,
          }))
        : page.results;
      return body;
    },
  );

  scope.get<{ Params: DatasetParams & { record_id: string } }>(
    '/catalog/datasets/:dataset_id/records/:record_id',
    async (request, reply) => {
      const query = request.query as QueryValues;
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      return records.getRecord({
        datasetId: request.params.dataset_id,
        viewer: request.viewer,
        recordId: request.params.record_id,
        select: single(query, 'select'),
        timezone: single(query, 'timezone'),
        lang: single(query, 'lang'),
      });
    },
  );
}
