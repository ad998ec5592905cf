// API v1 analysis: GET (and POST) /api/records/1.0/analyze/ answers `[{x, <serie>…}]`, and
// /api/records/1.0/geocluster/ answers `{clusters, count, series?, clusterprecision}`.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { answerNotModified } from '../../http/conditional.ts';
import { READ_ONLY_POST } from '../../http/plugins/api-credentials.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import { facetFilters, v1Queries } from '../download/download-params.ts';
import { v1GeoFilters, v1Parameters } from './v1-params.ts';
import { v1Series } from './v1-series.ts';

function required(query: QueryValues, name: string): string {
  const value = single(query, name);
  if (value === undefined || value.trim() === '') {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `The ${name} API parameter is required.`,
    });
  }
  return value;
}

export function analyzeRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog } = options.services;

  /** The dataset and the filters every v1 analysis shares (q, refine, exclude, geofilter). */
  const filtersOf = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = v1Parameters(request);
    const datasetId = required(query, 'dataset');
    const dataset = await readableDataset(catalog, request, reply, datasetId);
    const notModified = request.method === 'GET' && answerNotModified(request, reply, dataset);
    return {
      query,
      notModified,
      filters: {
        datasetId,
        viewer: request.viewer,
        where: v1GeoFilters(query, dataset.current?.fields ?? []),
        refine: facetFilters(query, 'refine.'),
        exclude: facetFilters(query, 'exclude.'),
        qv1: v1Queries(query),
        timezone: single(query, 'timezone'),
      },
    };
  };

  const analyze = async (request: FastifyRequest, reply: FastifyReply) => {
    const { query, notModified, filters } = await filtersOf(request, reply);
    if (notModified) return reply;
    return records.analyze({
      ...filters,
      x: required(query, 'x'),
      series: v1Series(query),
      periodic: single(query, 'periodic'),
      precision: single(query, 'precision'),
      sort: single(query, 'sort'),
      maxpoints: integer(query, 'maxpoints'),
    });
  };

  const geocluster = async (request: FastifyRequest, reply: FastifyReply) => {
    const { query, notModified, filters } = await filtersOf(request, reply);
    if (notModified) return reply;
    required(query, 'clusterprecision');
    return records.geocluster({
      ...filters,
      clusterprecision: integer(query, 'clusterprecision') ?? 0,
      clusterdistance: integer(query, 'clusterdistance'),
      series: v1Series(query),
    });
  };

  scope.get('/records/1.0/analyze', analyze);
  scope.post('/records/1.0/analyze', READ_ONLY_POST, analyze);
  scope.get('/records/1.0/geocluster', geocluster);
  scope.post('/records/1.0/geocluster', READ_ONLY_POST, geocluster);
}
