// The map's view in the page URL, as ODS portals write it: `location=zoom,lat,lon`
// (`?location=13,48.85661,2.35222`), so that a view can be shared and survives a reload.

export interface MapLocation {
  zoom: number;
  lat: number;
  lon: number;
}

export const MIN_ZOOM = 2;
export const MAX_ZOOM = 18;

/** Metropolitan France, whole, in a map about 1,200 pixels wide. */
export const DEFAULT_LOCATION: MapLocation = { zoom: 6, lat: 46.6, lon: 2.4 };

/** The view a `location` parameter names, or null when it is missing or not a valid view. */
export function parseLocation(value: string | null): MapLocation | null {
  const parts = (value ?? '').split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (!Number.isInteger(zoom) || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  if (!(Math.abs(lat) <= 85) || !(Math.abs(lon) <= 180)) return null;
  return { zoom, lat, lon };
}

/** Five decimals: about a metre, finer than any zoom level shows. */
export function formatLocation(location: MapLocation): string {
  const round = (v: number) => String(Math.round(v * 1e5) / 1e5);
  return `${location.zoom},${round(location.lat)},${round(location.lon)}`;
}
