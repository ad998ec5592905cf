// The whole-dataset download of API v1 and of the front-office URL: the v1 filters (q,
// refine.X, exclude.X, geofilter.*, fields), then CSV (`;`, no BOM, names or labels in the
// header), JSON as an array of v1 record objects, or a geo format as the v2.1 exports write it
// (GeoJSON, shapefile, KML, GPX, with `epsg` where it applies).

import type { FastifyReply, FastifyRequest } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';
import { fieldsInLanguage } from '../../catalog/index.ts';
import type { PortalServices } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import type { RecordsExport } from '../../records/index.ts';
import { csvText } from '../exports/csv.ts';
import { epsgParameter } from '../exports/epsg.ts';
import { sendCachedExport } from '../exports/cached-export.ts';
import type { KeyedWriter } from '../exports/formats.ts';
import { findFormat } from '../exports/formats.ts';
import { csvOptionsKey } from '../exports/options-key.ts';
import type { ExportFile, ExportWriter } from '../exports/send-export.ts';
import type { TextBody } from '../exports/text-body.ts';
import { v1GeoFilters, v1OrderBy } from '../v1/v1-params.ts';
import type { V1JsonRowOptions } from './v1-json-row.ts';
import { V1_JSON_ROW_MODULE } from './v1-json-row.ts';
import { csvSeparator, facetFilters, selectOfFields, v1Queries } from './download-params.ts';

const FORMATS = ['csv', 'json', 'geojson', 'shp', 'kml', 'gpx'];

function v1JsonText(data: RecordsExport): TextBody {
  const options: V1JsonRowOptions = {
    datasetId: data.datasetId,
    columns: data.columns,
    recordIdPosition: data.recordIdPosition,
    timezone: data.timezone,
    recordTimestamp: `${new Date(data.committedAt ?? 0).toISOString().slice(0, 19)}+00:00`,
  };
  return {
    head: '[',
    encoding: { module: V1_JSON_ROW_MODULE, options, separator: ',', terminator: '' },
    tail: ']',
  };
}

/** The writer without its cache key. */
function writerOf(keyed: KeyedWriter): ExportWriter {
  const { key: _key, ...writer } = keyed;
  return writer as ExportWriter;
}

export async function sendV1Download(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  datasetId: string,
  query: QueryValues,
): Promise<FastifyReply> {
  const format = (single(query, 'format') ?? 'csv').toLowerCase();
  if (!FORMATS.includes(format)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for format: "${format}" (downloads serve ${FORMATS.join(', ')}).`,
    });
  }
  const separator = format === 'csv' ? csvSeparator(query) : ';';
  const useLabels = boolean(query, 'use_labels_for_header', false);
  const reprojection = await epsgParameter(query);
  const geoFormat = format === 'csv' || format === 'json' ? undefined : findFormat(format);
  const geoBody = await geoFormat?.writer(query);
  const dataset = await readableDataset(services.catalog, request, reply, datasetId);
  if (answerNotModified(request, reply, dataset)) return reply;
  const exportRequest = {
    datasetId,
    viewer: request.viewer,
    select: selectOfFields(single(query, 'fields')),
    where: v1GeoFilters(query, dataset.current?.fields ?? []),
    refine: facetFilters(query, 'refine.'),
    exclude: facetFilters(query, 'exclude.'),
    orderBy: v1OrderBy(single(query, 'sort')),
    qv1: v1Queries(query),
    timezone: single(query, 'timezone'),
    withRecordId: format === 'json',
  };
  // `lang` names the language of the labels in the header (use_labels_for_header), where the
  // fields are translated; it is not checked (the URL's other values never were).
  const lang = single(query, 'lang')?.toLowerCase();
  const csvOptions = {
    delimiter: separator,
    listSeparator: ',',
    quoteAll: false,
    withBom: false,
    useLabels,
    reprojection,
  };
  const file: ExportFile =
    format === 'json'
      ? {
          text: v1JsonText,
          contentType: 'application/json; charset=utf-8',
          extension: 'json',
          compressed: false,
        }
      : geoFormat && geoBody
        ? {
            ...writerOf(geoBody),
            contentType: geoFormat.contentType,
            extension: geoFormat.extension,
            compressed: false,
          }
        : {
            text: (rows) => csvText(rows, csvOptions),
            contentType: 'text/csv; charset=utf-8',
            extension: 'csv',
            compressed: false,
          };
  return sendCachedExport(reply, services.exportCache, {
    dataset,
    request: exportRequest,
    format: ['v1', format, csvOptionsKey(csvOptions), lang ?? null, geoBody?.key ?? null],
    file,
    open: async (input) => {
      const opened = await services.records.openExport(input);
      const data = { ...opened, fields: fieldsInLanguage(opened.fields, lang) };
      geoFormat?.check?.(data);
      return data;
    },
  });
}
