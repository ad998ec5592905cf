// Every API route Datagora serves, for the OpenAPI document (a test checks it against the
// routes really registered).

import type { ParameterSpec } from './parameters.ts';
import {
  ANALYZE_PARAMETERS,
  DOWNLOAD_PARAMETERS,
  GEOCLUSTER_PARAMETERS,
  EXPORT_PARAMETERS,
  FACET_PARAMETERS,
  LINK_PARAMETERS,
  ODSQL_PARAMETERS,
  PAGING_PARAMETERS,
  V1_OUTPUT_PARAMETERS,
  V1_PARAMETERS,
} from './parameters.ts';

export interface ApiRoute {
  method: 'get' | 'post';
  /** OpenAPI path template (`{dataset_id}`). */
  path: string;
  summary: string;
  tag: string;
  parameters: ParameterSpec[];
  produces: string;
}

const JSON_TYPE = 'application/json';

const p = (name: string, type: ParameterSpec['type'], description: string): ParameterSpec => ({
  name,
  type,
  description,
});
const V21 = '/api/explore/v2.1';
/** ODSQL over the catalog's metadata (dataset_id, title, theme, modified, records_count…). */
const CATALOG_QUERY = ODSQL_PARAMETERS.concat(PAGING_PARAMETERS, LINK_PARAMETERS);
const CATALOG_FILTERS = ODSQL_PARAMETERS.filter((p) =>
  ['where', 'refine', 'exclude', 'qv1', 'timezone', 'lang'].includes(p.name),
);

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: `${V21}/`,
    summary: 'Links to the API sources',
    tag: 'Explore v2.1',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/`,
    summary: 'Links to the catalog resources',
    tag: 'Catalog',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/`,
    summary: 'Query the datasets of the catalog with ODSQL over their metadata',
    tag: 'Catalog',
    parameters: CATALOG_QUERY,
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/facets/`,
    summary: 'Facets of the catalog',
    tag: 'Catalog',
    parameters: FACET_PARAMETERS.concat(CATALOG_FILTERS),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/exports/`,
    summary: 'Catalog export formats',
    tag: 'Catalog',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/exports/{format}/`,
    summary:
      'The catalog as csv, json, xlsx, rss, DCAT-AP (JSON-LD, Turtle, RDF/XML) or an activated national DCAT-AP profile (dcat_ap_*)',
    tag: 'Catalog',
    parameters: ODSQL_PARAMETERS.concat(EXPORT_PARAMETERS.slice(0, 2), EXPORT_PARAMETERS.slice(4)),
    produces: '*/*',
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/`,
    summary: 'One dataset (with select, its chosen metadata, flat)',
    tag: 'Dataset',
    parameters: ODSQL_PARAMETERS.filter((p) =>
      ['select', 'timezone', 'lang'].includes(p.name),
    ).concat(LINK_PARAMETERS),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/records/`,
    summary: 'Query the records with ODSQL',
    tag: 'Dataset',
    parameters: ODSQL_PARAMETERS.concat(PAGING_PARAMETERS, LINK_PARAMETERS),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/records/{record_id}/`,
    summary: 'One record',
    tag: 'Dataset',
    parameters: ODSQL_PARAMETERS.filter((p) => ['select', 'timezone', 'lang'].includes(p.name)),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/facets/`,
    summary: 'Facet values and counts',
    tag: 'Dataset',
    parameters: FACET_PARAMETERS.concat(
      ODSQL_PARAMETERS.filter((p) => !['select', 'group_by', 'order_by'].includes(p.name)),
    ),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/exports/`,
    summary: 'Export formats of a dataset',
    tag: 'Dataset',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/exports/{format}/`,
    summary: 'Export the records: csv, json, jsonl, xlsx, parquet, geojson, shp, kml, gpx',
    tag: 'Dataset',
    parameters: ODSQL_PARAMETERS.concat(EXPORT_PARAMETERS),
    produces: '*/*',
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/attachments/`,
    summary: 'Attachments of a dataset',
    tag: 'Dataset',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: `${V21}/catalog/datasets/{dataset_id}/attachments/{attachment_id}/`,
    summary: 'An attachment file',
    tag: 'Dataset',
    parameters: [],
    produces: '*/*',
  },
  {
    method: 'get',
    path: `${V21}/openapi.json`,
    summary: 'This description',
    tag: 'Explore v2.1',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: '/api/records/1.0/search/',
    summary: 'API v1 record search',
    tag: 'API v1',
    parameters: V1_PARAMETERS,
    produces: JSON_TYPE,
  },
  {
    method: 'post',
    path: '/api/records/1.0/search/',
    summary: 'API v1 record search (form body)',
    tag: 'API v1',
    parameters: V1_PARAMETERS,
    produces: JSON_TYPE,
  },
  ...(['get', 'post'] as const).flatMap((method): ApiRoute[] => [
    {
      method,
      path: '/api/records/1.0/analyze/',
      summary: 'API v1 analysis: series of aggregates by the values or periods of a field',
      tag: 'API v1',
      parameters: ANALYZE_PARAMETERS,
      produces: JSON_TYPE,
    },
    {
      method,
      path: '/api/records/1.0/geocluster/',
      summary: 'API v1 clusters of points for a map zoom level',
      tag: 'API v1',
      parameters: GEOCLUSTER_PARAMETERS,
      produces: JSON_TYPE,
    },
  ]),
  {
    method: 'get',
    path: '/api/records/1.0/download/',
    summary: 'API v1 download',
    tag: 'API v1',
    parameters: V1_PARAMETERS.slice(0, 1).concat(DOWNLOAD_PARAMETERS),
    produces: '*/*',
  },
  {
    method: 'post',
    path: '/api/records/1.0/download/',
    summary: 'API v1 download (form body)',
    tag: 'API v1',
    parameters: V1_PARAMETERS.slice(0, 1).concat(DOWNLOAD_PARAMETERS),
    produces: '*/*',
  },
  {
    method: 'get',
    path: '/api/datasets/1.0/search/',
    summary: 'API v1 dataset search: the v1 query language over metadata',
    tag: 'API v1',
    parameters: V1_PARAMETERS.filter((p) =>
      ['q', 'rows', 'start', 'sort', 'facet'].includes(p.name),
    ).concat(
      p('format', 'string', '`json` (default), `jsonp`, `csv` or `rss`.'),
      p('csv_separator', 'string', 'CSV delimiter (default `;`).'),
      p('lang', 'string', 'Metadata in this language where translated.'),
      V1_OUTPUT_PARAMETERS,
    ),
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: '/api/datasets/1.0/{dataset_id}/',
    summary: 'API v1 dataset',
    tag: 'API v1',
    parameters: [p('lang', 'string', 'Metadata in this language where translated.')],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: '/api/datasets/1.0/{dataset_id}/records/{record_id}/',
    summary: 'API v1 record',
    tag: 'API v1',
    parameters: [],
    produces: JSON_TYPE,
  },
  {
    method: 'get',
    path: '/api/datasets/1.0/{dataset_id}/attachments/{attachment_id}/',
    summary: 'API v1 attachment file',
    tag: 'API v1',
    parameters: [],
    produces: '*/*',
  },
  {
    method: 'get',
    path: '/explore/dataset/{dataset_id}/download/',
    summary: 'The front-office download URL',
    tag: 'Downloads',
    parameters: DOWNLOAD_PARAMETERS,
    produces: '*/*',
  },
];
