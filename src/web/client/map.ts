// The map tab's script: a basemap (addBasemap), then the dataset over it. Below POINTS_ZOOM
// the server clusters the points of the area (ODSQL geo_cluster), so the markers drawn stay
// bounded by the grid whatever the dataset's size; from POINTS_ZOOM on (or at any zoom for a
// dataset of shapes only) the records of the area come one by one, MAX_POINTS at most, drawn
// on a canvas, with a notice when the area holds more. The view lives in the URL (`location`).

import L from 'leaflet';

import { addBasemap } from './map-basemap.ts';
import type { Cluster } from './map-clusters.ts';
import { clusterMarkers } from './map-clusters.ts';
import type { MapConfig } from './map-config.ts';
import { POINTS_ZOOM, VIEW_PADDING } from './map-config.ts';
import type { MapLocation } from './map-location.ts';
import {
  DEFAULT_LOCATION,
  formatLocation,
  MAX_ZOOM,
  MIN_ZOOM,
  parseLocation,
} from './map-location.ts';
import type { Bounds } from './map-queries.ts';
import { clampBounds, clustersUrl, containsBounds, recordsUrl } from './map-queries.ts';
import type { DrawnRecord, V1Record } from './map-records.ts';
import { drawRecords, listRecords } from './map-records.ts';

const element = document.getElementById('dataset-map');
if (element) start(element, JSON.parse(element.dataset['config'] ?? '{}') as MapConfig);

function boundsOf(b: L.LatLngBounds): Bounds {
  return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

function start(element: HTMLElement, config: MapConfig): void {
  const initial: MapLocation =
    parseLocation(new URLSearchParams(window.location.search).get('location')) ?? DEFAULT_LOCATION;
  const map = L.map(element, { keyboard: true, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM }).setView(
    [initial.lat, initial.lon],
    initial.zoom,
  );
  addBasemap(map, config);
  const layer = L.layerGroup().addTo(map);
  const renderer = L.canvas({ padding: VIEW_PADDING });
  const status = document.getElementById('dataset-map-status');
  const notice = document.getElementById('dataset-map-notice');
  const details = document.getElementById('dataset-map-list');
  const list = details?.querySelector('ul');
  const summary = details?.querySelector('summary');
  const format = new Intl.NumberFormat(config.lang);
  /** What is drawn: its zoom and the area it covers. */
  let loaded: { zoom: number; area: Bounds } | null = null;
  let inFlight: AbortController | null = null;

  function show(layers: L.Layer[], capped: string, listed: DrawnRecord[]): void {
    layer.clearLayers();
    for (const l of layers) l.addTo(layer);
    if (notice) notice.textContent = capped;
    if (details && list && summary) {
      details.hidden = listed.length === 0;
      summary.textContent = fill(config.messages.listed, { count: format.format(listed.length) });
      listRecords(list, config, listed);
    }
  }

  async function refresh(): Promise<void> {
    const zoom = map.getZoom();
    const view = clampBounds(boundsOf(map.getBounds()));
    if (loaded && loaded.zoom === zoom && containsBounds(loaded.area, view)) return;
    const area = clampBounds(boundsOf(map.getBounds().pad(VIEW_PADDING)));
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    element.setAttribute('aria-busy', 'true');
    try {
      if (config.pointField !== null && zoom < POINTS_ZOOM) {
        const body = (await getJson(clustersUrl(config, area, zoom), controller.signal)) as {
          results: Cluster[];
        };
        show(clusterMarkers(map, config, body.results), '', []);
      } else {
        const body = (await getJson(recordsUrl(config, area), controller.signal)) as {
          nhits: number;
          records: V1Record[];
        };
        const drawn = drawRecords(map, config, body.records, renderer);
        const capped =
          body.nhits > body.records.length
            ? fill(config.messages.capped, {
                shown: format.format(body.records.length),
                total: format.format(body.nhits),
              })
            : '';
        show(
          drawn.map((d) => d.layer),
          capped,
          drawn,
        );
      }
      loaded = { zoom, area };
      if (status) status.textContent = '';
    } catch {
      if (controller.signal.aborted) return;
      loaded = null;
      if (status) status.textContent = config.messages.error;
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        element.removeAttribute('aria-busy');
      }
    }
  }

  // A popup pans the map to show itself: that move keeps what is drawn (and the popup open).
  let autopanning = false;
  map.on('autopanstart', () => {
    autopanning = true;
  });
  map.on('moveend', () => {
    const centre = map.getCenter();
    const url = new URL(window.location.href);
    url.searchParams.set(
      'location',
      formatLocation({ zoom: map.getZoom(), lat: centre.lat, lon: centre.lng }),
    );
    window.history.replaceState(window.history.state, '', url);
    if (autopanning) autopanning = false;
    else void refresh();
  });
  void refresh();
}
