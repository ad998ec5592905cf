// The query parameters of the API, described once for the OpenAPI document.

export interface ParameterSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  repeated?: boolean;
  required?: boolean;
}

const p = (
  name: string,
  type: ParameterSpec['type'],
  description: string,
  extra: Partial<ParameterSpec> = {},
): ParameterSpec => ({ name, type, description, ...extra });

export const ODSQL_PARAMETERS: ParameterSpec[] = [
  p('select', 'string', 'ODSQL select: fields, expressions, aggregates, `AS` aliases.'),
  p('where', 'string', 'ODSQL condition; repeated conditions are ANDed.', { repeated: true }),
  p('group_by', 'string', 'ODSQL grouping expressions.'),
  p('order_by', 'string', 'ODSQL sort: `expr [asc|desc]`, comma separated.'),
  p('refine', 'string', 'Facet filter `facet:value` (dates as `YYYY[/MM[/DD]]`).', {
    repeated: true,
  }),
  p('exclude', 'string', 'Facet exclusion `facet:value`.', { repeated: true }),
  p('qv1', 'string', 'An API v1 query (as ods-widgets send it), ANDed.', { repeated: true }),
  p('timezone', 'string', 'IANA time zone for dates in and out (default UTC).'),
  p(
    'lang',
    'string',
    'Language of the answer: en, fr (default), nl, pt, it, ar, de, es, ca, eu or sv (month and day names of date_format(); checked on the catalog).',
  ),
];

/** HATEOAS links and application metadata (catalog, dataset, records). */
export const LINK_PARAMETERS: ParameterSpec[] = [
  p('include_links', 'boolean', 'Add `_links` (self, first, last, next, dataset, catalog).'),
  p(
    'include_app_metas',
    'boolean',
    'Add application metadata templates (none kept yet: accepted, no effect).',
  ),
];

/** API v1's output options: JSONP, indentation. */
export const V1_OUTPUT_PARAMETERS: ParameterSpec[] = [
  p('callback', 'string', 'JSONP: the JavaScript function to call with the answer.'),
  p('pretty_print', 'boolean', 'Indent the JSON answer.'),
];

export const PAGING_PARAMETERS: ParameterSpec[] = [
  p('limit', 'integer', 'Page size: 10 by default, -1 to 100 (20,000 with aggregations).'),
  p('offset', 'integer', 'First result; offset + limit ≤ 10,000 without aggregation.'),
];

export const EXPORT_PARAMETERS: ParameterSpec[] = [
  p('limit', 'integer', 'Rows to export; -1 (default) for all.'),
  p('offset', 'integer', 'Rows to skip.'),
  p('compressed', 'boolean', 'Gzip the file.'),
  p('use_labels', 'boolean', 'Field labels instead of names in headers (csv, xlsx).'),
  p('delimiter', 'string', 'CSV delimiter: `;` (default), `,`, tab or `|`.'),
  p('list_separator', 'string', 'CSV separator of multivalued values (default `,`).'),
  p('quote_all', 'boolean', 'CSV: quote every cell.'),
  p('with_bom', 'boolean', 'CSV: start with a UTF-8 BOM (default true).'),
  p(
    'epsg',
    'integer',
    'Coordinate system of geometries (csv, geojson, shp): 4326 (default), 3857 or 2154.',
  ),
  p('name_field', 'string', 'GPX: the field giving each point its <name>.'),
  p('description_field_list', 'string', 'GPX: comma-separated fields for <desc>.'),
  p(
    'use_extension',
    'boolean',
    'GPX: attributes in <extensions> (default true) or else in <desc>.',
  ),
];

export const FACET_PARAMETERS: ParameterSpec[] = [
  p(
    'facet',
    'string',
    'A facet name, or `facet(name="f", disjunctive=true, sort="-count", limit=10)`.',
    {
      repeated: true,
    },
  ),
];

export const V1_PARAMETERS: ParameterSpec[] = [
  p('dataset', 'string', 'The dataset id.', { required: true }),
  p('q', 'string', 'A query in the API v1 language (`q.<name>` adds more, ANDed).'),
  p('rows', 'integer', 'Page size (default 10); start + rows ≤ 10,000.'),
  p('start', 'integer', 'First record.'),
  p('sort', 'string', 'Sort field, descending; `-field` for ascending.'),
  p('fields', 'string', 'Comma-separated fields to return.'),
  p('facet', 'string', 'Facet to compute.', { repeated: true }),
  p('geofilter.distance', 'string', '`lat,lon,metres`.'),
  p('geofilter.polygon', 'string', '`(lat,lon),(lat,lon),…`.'),
  p('timezone', 'string', 'IANA time zone (default UTC).'),
  p('format', 'string', '`json` (default), `jsonp`, `geojson`, `geojsonp`, `rss` or `atom`.'),
  ...V1_OUTPUT_PARAMETERS,
];

export const DOWNLOAD_PARAMETERS: ParameterSpec[] = [
  p('format', 'string', '`csv` (default), `json`, `geojson`, `shp`, `kml` or `gpx`.'),
  p(
    'epsg',
    'integer',
    'Coordinate system of geometries (csv, geojson, shp): 4326 (default), 3857 or 2154.',
  ),
  p('csv_separator', 'string', 'CSV delimiter (default `;`).'),
  p('use_labels_for_header', 'boolean', 'Field labels in the CSV header.'),
  p('fields', 'string', 'Comma-separated fields.'),
  p('q', 'string', 'An API v1 query.'),
  p('sort', 'string', 'v1 sort.'),
  p('timezone', 'string', 'IANA time zone (default UTC).'),
];

/** The filters of v1 analyze and geocluster (dataset, q, geofilters, timezone). */
const V1_FILTERS = V1_PARAMETERS.filter((spec) =>
  ['dataset', 'q', 'geofilter.distance', 'geofilter.polygon', 'timezone'].includes(spec.name),
);

const SERIES_PARAMETERS: ParameterSpec[] = [
  p('y.<serie>.func', 'string', 'COUNT, AVG, SUM, MIN, MAX, STDDEV or SUMSQUARES.'),
  p('y.<serie>.expr', 'string', 'A numeric field or arithmetic expression (not for COUNT).'),
];

export const ANALYZE_PARAMETERS: ParameterSpec[] = [
  ...V1_FILTERS,
  p('x', 'string', 'The field whose values (or date periods) make the points.', {
    required: true,
  }),
  ...SERIES_PARAMETERS,
  p('y.<serie>.cumulative', 'boolean', 'Add up the values of the serie along the points.'),
  p('periodic', 'string', 'Date x: year (default), month, week, weekday, day, hour, minute.'),
  p('precision', 'string', 'Date x: year, month, week, day (default), hour, minute.'),
  p('sort', 'string', '`x` or a serie, descending; `-` prefix for ascending (default `-x`).'),
  p('maxpoints', 'integer', 'At most this many points (20,000 at most).'),
];

export const GEOCLUSTER_PARAMETERS: ParameterSpec[] = [
  ...V1_FILTERS,
  p('clusterprecision', 'integer', 'The map zoom level (0 to 25).', { required: true }),
  p('clusterdistance', 'integer', 'Cluster radius in pixels (default 40).'),
  ...SERIES_PARAMETERS,
];
