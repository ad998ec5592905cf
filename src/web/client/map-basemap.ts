// The basemap, chosen in one place: the portal's own outlines of the world's countries, which
// make no request to a third party, or, when the administrator configured a tile service and
// the visitor allowed it, that service's tiles. Choices made on the page (the consent panel, the
// placeholder under the map) switch between the two without a reload.

import L from 'leaflet';

import type { ConsentEventDetail } from './consent-event.ts';
import { CONSENT_EVENT } from './consent-event.ts';
import type { MapConfig, TilesConfig } from './map-config.ts';

/** Drawn under the data (Leaflet's tile pane sits at z-index 200, overlays at 400). */
const BASEMAP_PANE = 'dg-basemap';

export function addBasemap(map: L.Map, config: MapConfig): void {
  const pane = map.createPane(BASEMAP_PANE);
  pane.style.zIndex = '200';
  const { countriesUrl, tiles } = config.basemap;
  let current: L.Layer | null = null;
  let showing: 'outlines' | 'tiles' | null = null;
  const show = async (kind: 'outlines' | 'tiles'): Promise<void> => {
    if (showing === kind) return;
    showing = kind;
    const layer = kind === 'tiles' ? tileLayer(tiles!) : await outlines(countriesUrl);
    if (showing !== kind || !layer) return;
    current?.remove();
    current = layer.addTo(map);
  };
  void show(tiles?.allowed ? 'tiles' : 'outlines');
  if (!tiles) return;
  document.addEventListener(CONSENT_EVENT, (event) => {
    const { services } = (event as CustomEvent<ConsentEventDetail>).detail;
    void show(services[tiles.serviceId] === true ? 'tiles' : 'outlines');
  });
}

function tileLayer(tiles: TilesConfig): L.Layer {
  return L.tileLayer(tiles.url, {
    pane: BASEMAP_PANE,
    attribution: tiles.attribution,
    maxZoom: 19,
    // No referrer and no credentials: the provider learns no more than the tile it serves.
    referrerPolicy: 'no-referrer',
  });
}

async function outlines(url: string): Promise<L.Layer | null> {
  const response = await fetch(url);
  if (!response.ok) return null;
  const countries = (await response.json()) as GeoJSON.GeoJsonObject;
  return L.geoJSON(countries, {
    // On a canvas: a path element per country would be restyled at every zoom, and the
    // site's stylesheet makes each restyle costly.
    renderer: L.canvas({ pane: BASEMAP_PANE }),
    interactive: false,
    style: { color: '#6a6a6a', weight: 1, fillColor: '#f6f6f6', fillOpacity: 1 },
    // GeoJSON's layers take path options (the renderer) that its type does not list.
  } as L.GeoJSONOptions);
}
