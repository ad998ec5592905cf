// Typed values of a record, as ingestion produces them and storage consumes them.

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A GeoJSON geometry object (`{"type": "Polygon", "coordinates": …}`). */
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/**
 * One cell, by field type:
 * text → string (multivalued text → string[]), int/double → number, boolean → boolean,
 * date → 'YYYY-MM-DD', datetime → epoch milliseconds (UTC), geo_point_2d → GeoPoint,
 * geo_shape → Geometry, file/json_blob → any JSON value. Missing values are null.
 */
export type CellValue = string | number | boolean | string[] | GeoPoint | Geometry | null | unknown;

/** A record as an array of cells in the order of the dataset's fields. */
export type Row = CellValue[];
