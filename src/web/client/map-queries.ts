// The API requests behind the map, built from its config and the area asked for: clusters
// through the Explore v2.1 API (ODSQL geo_cluster() grouped over in_bbox()), records one by
// one through API v1's search (geofilter.polygon on the dataset's geo field, nhits for the cap).

import type { MapConfig } from './map-config.ts';
import { MAX_POINTS } from './map-config.ts';

/** An area in degrees; the map may show more than the world, the API is asked for at most it. */
export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export function clampBounds(b: Bounds): Bounds {
  const lat = (v: number) => Math.max(-90, Math.min(90, v));
  const lon = (v: number) => Math.max(-180, Math.min(180, v));
  return { south: lat(b.south), west: lon(b.west), north: lat(b.north), east: lon(b.east) };
}

/** Whether `inner` lies within `outer`. */
export function containsBounds(outer: Bounds, inner: Bounds): boolean {
  return (
    inner.south >= outer.south &&
    inner.north <= outer.north &&
    inner.west >= outer.west &&
    inner.east <= outer.east
  );
}

/** Clusters of the point field over the area at a zoom level: `c` the centre, `n` the count. */
export function clustersUrl(config: MapConfig, area: Bounds, zoom: number): string {
  const field = `\`${config.pointField ?? ''}\``;
  const b = clampBounds(area);
  const cluster = `geo_cluster(${field}, ${zoom})`;
  const params = new URLSearchParams(config.filters);
  params.set('select', `${cluster} as c, count(*) as n`);
  params.set('group_by', cluster);
  params.append('where', `in_bbox(${field}, ${b.south}, ${b.west}, ${b.north}, ${b.east})`);
  params.set('limit', '20000');
  return `${config.apiBase}/records?${params}`;
}

/**
 * The first MAX_POINTS records of the area, with their count (`nhits`), each with its point,
 * shape and title fields only. API v1 filters on the point field when there is one, else on
 * the shape field (whose bounding box meets the area).
 */
export function recordsUrl(config: MapConfig, area: Bounds): string {
  const b = clampBounds(area);
  const corners = [
    [b.south, b.west],
    [b.north, b.west],
    [b.north, b.east],
    [b.south, b.east],
  ];
  const params = new URLSearchParams(config.v1Filters);
  params.set('dataset', config.datasetId);
  params.set('rows', String(MAX_POINTS));
  params.set('geofilter.polygon', corners.map(([lat, lon]) => `(${lat},${lon})`).join(','));
  // What draws and names a record; its popup reads the rest.
  const fields = [config.pointField, config.shapeField, config.titleField];
  params.set('fields', fields.filter((f) => f !== null).join(','));
  return `/api/records/1.0/search/?${params}`;
}
