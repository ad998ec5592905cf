// The export formats, one registry entry each: how to name, type and write the file.

import { PortalError } from '../../core/errors.ts';
import type { Field } from '../../core/field.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';
import type { RecordsExport } from '../../records/index.ts';
import type { CsvOptions } from './csv.ts';
import { CSV_DELIMITERS, csvText } from './csv.ts';
import { epsgParameter } from './epsg.ts';
import { geoJsonText } from './geojson.ts';
import { assertGeo, hasGeoField } from './geometry.ts';
import { gpxOptions, writeGpx } from './gpx.ts';
import { jsonArrayText, jsonLinesText } from './json.ts';
import { writeKml } from './kml.ts';
import type { OptionsKey } from './options-key.ts';
import { csvOptionsKey, epsgKey, gpxOptionsKey } from './options-key.ts';
import { parquetBody } from './parquet.ts';
import type { ExportWriter } from './send-export.ts';
import { writeShapefile } from './shapefile/write-shapefile.ts';
import { xlsxBody } from './xlsx.ts';

export interface ExportFormat {
  name: string;
  extension: string;
  contentType: string;
  /** Needs a geo_point_2d or geo_shape field: listed and served only for such datasets. */
  geo?: boolean;
  /** Checks the request and the data before the first byte is sent. */
  check?(data: RecordsExport): void;
  /**
   * Reads the format's options now (a wrong one fails before any byte) and returns its writer,
   * with the options as the export cache keys them.
   */
  writer(query: QueryValues): KeyedWriter | Promise<KeyedWriter>;
}

export type KeyedWriter = ExportWriter & { key: OptionsKey };

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/** The CSV options of the v2.1 exports endpoint (`delimiter`, `list_separator`, …). */
export async function v21CsvOptions(query: QueryValues): Promise<CsvOptions> {
  const delimiter = single(query, 'delimiter') ?? ';';
  if (!CSV_DELIMITERS.includes(delimiter)) {
    throw invalid(
      `Invalid value for delimiter API parameter: "${delimiter}" is not one of ; , | or a tab.`,
    );
  }
  const listSeparator = single(query, 'list_separator') ?? ',';
  if (listSeparator.length !== 1) {
    throw invalid('Invalid value for list_separator API parameter: one character is expected.');
  }
  return {
    delimiter,
    listSeparator,
    quoteAll: boolean(query, 'quote_all', false),
    withBom: boolean(query, 'with_bom', true),
    useLabels: boolean(query, 'use_labels', false),
    reprojection: await epsgParameter(query),
  };
}

function geoFormat(
  name: string,
  extension: string,
  contentType: string,
  writer: ExportFormat['writer'],
): ExportFormat {
  return {
    name,
    extension,
    contentType,
    geo: true,
    check: (data) => assertGeo(data, name),
    writer,
  };
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    name: 'csv',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    writer: async (query) => {
      const csvOptions = await v21CsvOptions(query);
      return { text: (data) => csvText(data, csvOptions), key: csvOptionsKey(csvOptions) };
    },
  },
  {
    name: 'json',
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    writer: () => ({ text: jsonArrayText, key: {} }),
  },
  {
    name: 'jsonl',
    extension: 'jsonl',
    contentType: 'application/jsonl; charset=utf-8',
    writer: () => ({ text: jsonLinesText, key: {} }),
  },
  {
    name: 'xlsx',
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    writer: (query) => {
      const useLabels = boolean(query, 'use_labels', false);
      return { encoded: (data: RecordsExport) => xlsxBody(data, useLabels), key: { useLabels } };
    },
  },
  {
    name: 'parquet',
    extension: 'parquet',
    contentType: 'application/vnd.apache.parquet',
    writer: () => ({ encoded: parquetBody, key: {} }),
  },
  geoFormat('geojson', 'geojson', 'application/geo+json; charset=utf-8', async (query) => {
    const reprojection = await epsgParameter(query);
    return {
      text: (data) => geoJsonText(data, reprojection),
      key: { epsg: epsgKey(reprojection) },
    };
  }),
  geoFormat('shp', 'zip', 'application/zip', async (query) => {
    const reprojection = await epsgParameter(query);
    return {
      body: (data) => writeShapefile(data, reprojection),
      key: { epsg: epsgKey(reprojection) },
    };
  }),
  geoFormat('kml', 'kml', 'application/vnd.google-earth.kml+xml; charset=utf-8', () => ({
    body: writeKml,
    key: {},
  })),
  geoFormat('gpx', 'gpx', 'application/gpx+xml; charset=utf-8', (query) => {
    const options = gpxOptions(query);
    return { body: writeGpx(options), key: gpxOptionsKey(options) };
  }),
];

/** The formats a dataset with these fields offers (the geo ones need a geo field). */
export function formatsFor(fields: readonly Field[]): ExportFormat[] {
  const geo = hasGeoField(fields);
  return EXPORT_FORMATS.filter((f) => geo || !f.geo);
}

export function findFormat(name: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.name === name.toLowerCase());
  if (!format) {
    throw invalid(
      `Invalid value for format: "${name}" is not one of ${EXPORT_FORMATS.map((f) => f.name).join(', ')}.`,
    );
  }
  return format;
}
