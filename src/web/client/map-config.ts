// What the map tab's page hands its script (as JSON in a data attribute): where to ask for
// clusters and records, with the table's filters, which basemap to draw, and the words to show.

export interface MapConfig {
  /** `/api/explore/v2.1/catalog/datasets/{id}` */
  apiBase: string;
  datasetId: string;
  /** The page's language, for numbers. */
  lang: string;
  /** The geo_point_2d field the server clusters below POINTS_ZOOM, or null (shapes only). */
  pointField: string | null;
  /** The geo_shape field drawn record by record, or null (points only). */
  shapeField: string | null;
  /** Explore v2.1 filter parameters (`qv1`, `refine`, `exclude`) as name/value pairs. */
  filters: [string, string][];
  /** API v1 filter parameters (`q`, `refine.X`, `exclude.X`). */
  v1Filters: [string, string][];
  /** Field labels, by name, for the record popups. */
  labels: Record<string, string>;
  /** The text field that names a record in the list of the records drawn, or null. */
  titleField: string | null;
  /** The table tab's URL (with the filters), where a record's detail opens. */
  tableUrl: string;
  basemap: BasemapConfig;
  messages: MapMessages;
}

/**
 * The basemap: the portal's own outlines, which make no third-party request, unless the
 * administrator configured a tile service and the visitor allowed it.
 */
export interface BasemapConfig {
  /** GeoJSON of the world's countries, served by the portal. */
  countriesUrl: string;
  /** The configured tile service (a third-party service under consent), or null. */
  tiles: TilesConfig | null;
}

export interface TilesConfig {
  serviceId: string;
  /** Leaflet's URL template ({s}, {z}, {x}, {y}). */
  url: string;
  attribution: string;
  /** The visitor allowed it when the page was made; the consent event may change it. */
  allowed: boolean;
}

export interface MapMessages {
  records: string;
  openRecord: string;
  error: string;
  /** Shown in a popup while its record is read. */
  loading: string;
  /** `{shown}` of `{total}` records of the view are drawn. */
  capped: string;
  /** The list of the records drawn, `{count}` of them. */
  listed: string;
  /** A record without a title in the list: `{number}`. */
  untitled: string;
}

/** From this zoom level on, the map shows records one by one instead of clusters. */
export const POINTS_ZOOM = 13;
/** Records fetched at most per view at POINTS_ZOOM and beyond (and at any zoom for shapes). */
export const MAX_POINTS = 500;
/** Clusters are asked for this much beyond each side of the view, so small moves ask nothing. */
export const VIEW_PADDING = 0.25;
