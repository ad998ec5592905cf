// The front-office download URL, /explore/dataset/{id}/download/?format=csv&…, used unchanged
// by clients since 2017: the whole dataset (or its filtered part) in ODS's CSV dialect, without
// a BOM, or as GeoJSON.

import type { FastifyInstance } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { useOdsErrors } from '../../http/ods-errors.ts';
import { useApiCors } from '../../http/plugins/api-cors.ts';
import { useApiCredentials } from '../../http/plugins/api-credentials.ts';
import { useApiQuota } from '../../http/plugins/api-quota.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { writeCsv } from '../exports/csv.ts';
import { assertGeo, writeGeoJson } from '../exports/geojson.ts';
import { sendExport } from '../exports/send-export.ts';
import { csvSeparator, facetFilters, selectOfFields, v1Queries } from './download-params.ts';

export async function downloadRoutes(
  scope: FastifyInstance,
  options: SurfaceOptions,
): Promise<void> {
  await useApiCors(scope);
  useOdsErrors(scope, { notFound: false });
  useApiCredentials(scope);
  useApiQuota(scope, options.anonymousQuota);
  const { records, catalog } = options.services;

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/download',
    async (request, reply) => {
      const query = request.query as QueryValues;
      const format = (single(query, 'format') ?? 'csv').toLowerCase();
      if (format !== 'csv' && format !== 'geojson') {
        throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
          detail: `Invalid value for format: "${format}" (the download URL serves csv and geojson).`,
        });
      }
      const separator = format === 'csv' ? csvSeparator(query) : ';';
      const useLabels = boolean(query, 'use_labels_for_header', false);
      const dataset = await catalog.getDataset(request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      const data = await records.openExport({
        datasetId: request.params.dataset_id,
        select: selectOfFields(single(query, 'fields')),
        refine: facetFilters(query, 'refine.'),
        exclude: facetFilters(query, 'exclude.'),
        qv1: v1Queries(query),
        timezone: single(query, 'timezone'),
      });
      if (format === 'geojson') {
        assertGeo(data, 'geojson');
        return sendExport(reply, data, {
          body: writeGeoJson,
          contentType: 'application/geo+json; charset=utf-8',
          extension: 'geojson',
          compressed: false,
        });
      }
      const csvOptions = {
        delimiter: separator,
        listSeparator: ',',
        quoteAll: false,
        withBom: false,
        useLabels,
      };
      return sendExport(reply, data, {
        body: (rows) => writeCsv(rows, csvOptions),
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
        compressed: false,
      });
    },
  );
}
