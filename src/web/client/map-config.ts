// What the map tab's page hands its script (as JSON in a data attribute): where to ask for
// clusters and points, with the table's filters, and the words to show.

export interface MapConfig {
  /** `/api/explore/v2.1/catalog/datasets/{id}` */
  apiBase: string;
  datasetId: string;
  /** The geo_point_2d field the map shows. */
  field: string;
  /** Explore v2.1 filter parameters (`qv1`, `refine`, `exclude`) as name/value pairs. */
  filters: [string, string][];
  /** API v1 filter parameters (`q`, `refine.X`, `exclude.X`). */
  v1Filters: [string, string][];
  /** Field labels, by name, for the record popups. */
  labels: Record<string, string>;
  /** The table tab's URL (with the filters), where a record's detail opens. */
  tableUrl: string;
  messages: { records: string; openRecord: string; error: string };
}

/** From this zoom level on, the map shows records one by one instead of clusters. */
export const POINTS_ZOOM = 13;
/** Records fetched at most per view at POINTS_ZOOM and beyond. */
export const MAX_POINTS = 500;
