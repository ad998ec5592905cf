// The basemap, chosen in one place: today the portal's own outlines of the world's countries,
// which make no request to a third party. An external tile layer, a third-party service shown
// only with the visitor's consent, will be another kind of BasemapConfig handled here.

import L from 'leaflet';

import type { MapConfig } from './map-config.ts';

/** Drawn under the data (Leaflet's tile pane sits at z-index 200, overlays at 400). */
const BASEMAP_PANE = 'dg-basemap';

export function addBasemap(map: L.Map, config: MapConfig): void {
  const pane = map.createPane(BASEMAP_PANE);
  pane.style.zIndex = '200';
  const basemap = config.basemap;
  switch (basemap.kind) {
    case 'outlines':
      void addOutlines(map, basemap.countriesUrl);
      break;
  }
}

async function addOutlines(map: L.Map, url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) return;
  const countries = (await response.json()) as GeoJSON.GeoJsonObject;
  L.geoJSON(countries, {
    // On a canvas: a path element per country would be restyled at every zoom, and the
    // site's stylesheet makes each restyle costly.
    renderer: L.canvas({ pane: BASEMAP_PANE }),
    interactive: false,
    style: { color: '#6a6a6a', weight: 1, fillColor: '#f6f6f6', fillOpacity: 1 },
    // GeoJSON's layers take path options (the renderer) that its type does not list.
  } as L.GeoJSONOptions).addTo(map);
}
