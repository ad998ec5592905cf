// API v1 record search: GET (and POST) /api/records/1.0/search/?dataset=…, answering
// `{nhits, parameters, records, facet_groups?}` as ODS's v1 did.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { answerNotModified } from '../../http/conditional.ts';
import { READ_ONLY_POST } from '../../http/plugins/api-credentials.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import type { FacetNode } from '../../records/index.ts';
import { QueryTrace } from '../../records/index.ts';
import { facetFilters, selectOfFields, v1Queries } from '../download/download-params.ts';
import { recordsAtom, recordsGeoJson, recordsRss } from './record-feeds.ts';
import { sendV1Json, v1Format } from './v1-format.ts';
import { v1GeoFilters, v1OrderBy, v1Paging, v1Parameters } from './v1-params.ts';
import { v1Record } from './v1-record.ts';
import { noteResultCount } from '../../http/plugins/audience.ts';

const FORMATS = ['json', 'jsonp', 'geojson', 'geojsonp', 'rss', 'atom'];

interface V1FacetNode {
  name: string;
  path: string;
  count: number;
  state: string;
  facets?: V1FacetNode[];
}

function v1Facet(node: FacetNode): V1FacetNode {
  const out: V1FacetNode = {
    name: node.name,
    path: node.value,
    count: node.count,
    state: node.state,
  };
  if (node.facets) out.facets = node.facets.map(v1Facet);
  return out;
}

/** refine.X / exclude.X echoed as v1 does: facet → value, or → values when repeated. */
function echoFilters(query: QueryValues, prefix: string): Record<string, string | string[]> {
  const echoed: Record<string, string | string[]> = {};
  for (const name of Object.keys(query)) {
    if (!name.startsWith(prefix)) continue;
    const values = repeated(query, name);
    echoed[name.slice(prefix.length)] = values.length === 1 ? (values[0] as string) : values;
  }
  return echoed;
}

export function searchRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog } = options.services;

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = v1Parameters(request);
    const datasetId = single(query, 'dataset');
    if (!datasetId) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: 'The dataset API parameter is required.',
      });
    }
    const { rows, start } = v1Paging(query);
    const format = v1Format(query, FORMATS);
    const dataset = await readableDataset(catalog, request, reply, datasetId);
    const viewer = request.viewer;
    if (request.method === 'GET' && answerNotModified(request, reply, dataset)) return reply;
    const fields = dataset.current?.fields ?? [];
    const where = v1GeoFilters(query, fields);
    const refine = facetFilters(query, 'refine.');
    const exclude = facetFilters(query, 'exclude.');
    const qv1 = v1Queries(query);
    const sort = single(query, 'sort');
    const fieldList = single(query, 'fields');
    const trace = new QueryTrace();
    const page = await records.queryRows({
      datasetId,
      viewer,
      select: selectOfFields(fieldList),
      where,
      orderBy: v1OrderBy(sort),
      refine,
      exclude,
      qv1,
      limit: rows,
      offset: start,
      timezone: single(query, 'timezone'),
      trace,
    });
    const facetNames = repeated(query, 'facet');
    const groups =
      facetNames.length === 0
        ? []
        : await records.facets({
            datasetId,
            viewer,
            facets: facetNames.map((name) => ({
              name,
              ...(single(query, `disjunctive.${name}`) === 'true' ? { disjunctive: true } : {}),
            })),
            where,
            refine,
            exclude,
            qv1,
            timezone: page.timezone,
            trace,
          });
    const timing = trace.serverTiming();
    if (timing !== null) void reply.header('server-timing', timing);
    const committed = page.version?.committedAt ?? dataset.modifiedAt;
    const timestamp = `${new Date(committed).toISOString().slice(0, 19)}+00:00`;
    const echoed: Record<string, unknown> = { dataset: [datasetId], timezone: page.timezone, rows };
    if (single(query, 'start') !== undefined) echoed['start'] = start;
    echoed['format'] = format;
    if (single(query, 'q') !== undefined) echoed['q'] = single(query, 'q');
    if (sort !== undefined) echoed['sort'] = sort.split(',');
    if (facetNames.length > 0) echoed['facet'] = facetNames;
    if (fieldList !== undefined) echoed['fields'] = fieldList.split(',');
    const refined = echoFilters(query, 'refine.');
    if (Object.keys(refined).length > 0) echoed['refine'] = refined;
    const excluded = echoFilters(query, 'exclude.');
    if (Object.keys(excluded).length > 0) echoed['exclude'] = excluded;
    noteResultCount(request, page.totalCount);
    const found = page.rows.map((row) =>
      v1Record(datasetId, row, page.columns, page.recordIdPosition, page.timezone, timestamp),
    );
    if (format === 'rss' || format === 'atom') {
      const feed = {
        title: dataset.metas.title,
        datasetUrl: `${options.baseUrl}/explore/dataset/${encodeURIComponent(datasetId)}/`,
        recordsUrl: `${options.baseUrl}/api/datasets/1.0/${encodeURIComponent(datasetId)}/records/`,
      };
      return format === 'rss'
        ? reply.type('application/rss+xml; charset=utf-8').send(recordsRss(found, feed))
        : reply.type('application/atom+xml; charset=utf-8').send(recordsAtom(found, feed));
    }
    if (format.startsWith('geojson'))
      return sendV1Json(reply, query, format, recordsGeoJson(found));
    return sendV1Json(reply, query, format, {
      nhits: page.totalCount,
      parameters: echoed,
      records: found,
      ...(facetNames.length === 0
        ? {}
        : { facet_groups: groups.map((g) => ({ name: g.name, facets: g.facets.map(v1Facet) })) }),
    });
  };

  scope.get('/records/1.0/search', handler);
  scope.post('/records/1.0/search', READ_ONLY_POST, handler);
}
