// The map tab's script: an offline basemap (country outlines bundled with the portal), the
// dataset's points clustered by the server (ODSQL geo_cluster over the view) below
// POINTS_ZOOM, the records themselves above it, each with a popup. Markers are focusable and
// open with the keyboard (Leaflet's own keyboard support).

import L from 'leaflet';

import type { MapConfig } from './map-config.ts';
import { MAX_POINTS, POINTS_ZOOM } from './map-config.ts';

const element = document.getElementById('dataset-map');
if (element) start(element, JSON.parse(element.dataset['config'] ?? '{}') as MapConfig);

function start(element: HTMLElement, config: MapConfig): void {
  const map = L.map(element, { keyboard: true, minZoom: 2, maxZoom: 18 }).setView([46.6, 2.4], 6);
  void fetch('/static/basemap/countries.geojson')
    .then((r) => r.json())
    .then((countries: GeoJSON.GeoJsonObject) => {
      L.geoJSON(countries, {
        interactive: false,
        style: { color: '#6a6a6a', weight: 1, fillColor: '#f6f6f6', fillOpacity: 1 },
      })
        .addTo(map)
        .bringToBack();
    });
  const layer = L.layerGroup().addTo(map);
  const status = document.getElementById('dataset-map-status');
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const markers =
        map.getZoom() >= POINTS_ZOOM
          ? await pointMarkers(map, config)
          : await clusterMarkers(map, config);
      if (mine !== generation) return;
      layer.clearLayers();
      for (const marker of markers) marker.addTo(layer);
      if (status) status.textContent = '';
    } catch {
      if (status && mine === generation) status.textContent = config.messages.error;
    }
  }
  map.on('moveend', () => void refresh());
  void refresh();
}

function bboxCondition(map: L.Map, field: string): string {
  const b = map.getBounds();
  const south = Math.max(-90, b.getSouth());
  const north = Math.min(90, b.getNorth());
  const west = Math.max(-180, b.getWest());
  const east = Math.min(180, b.getEast());
  return `in_bbox(\`${field}\`, ${south}, ${west}, ${north}, ${east})`;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

async function clusterMarkers(map: L.Map, config: MapConfig): Promise<L.Marker[]> {
  const zoom = map.getZoom();
  const params = new URLSearchParams(config.filters);
  const cluster = `geo_cluster(\`${config.field}\`, ${zoom})`;
  params.set('select', `${cluster} as c, count(*) as n`);
  params.set('group_by', cluster);
  params.set('where', bboxCondition(map, config.field));
  params.set('limit', '20000');
  const body = (await getJson(`${config.apiBase}/records?${params}`)) as {
    results: { c: { lat: number; lon: number } | null; n: number }[];
  };
  return body.results
    .filter((r) => r.c !== null)
    .map((r) => {
      const size = Math.round(24 + Math.min(24, Math.log10(r.n + 1) * 8));
      const label = `${r.n} ${config.messages.records}`;
      const marker = L.marker([r.c!.lat, r.c!.lon], {
        icon: L.divIcon({
          className: 'dg-map-cluster',
          html: `<span>${r.n}</span>`,
          iconSize: [size, size],
        }),
        title: label,
        alt: label,
        keyboard: true,
      });
      marker.on('click', () => map.setView(marker.getLatLng(), Math.min(POINTS_ZOOM, zoom + 2)));
      return withKeyboard(marker);
    });
}

/** Enter or Space on a focused marker does what a click does. */
function withKeyboard(marker: L.Marker): L.Marker {
  marker.on('add', () => {
    marker.getElement()?.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      marker.fire('click');
    });
  });
  return marker;
}

interface V1Record {
  recordid: string;
  fields: Record<string, unknown>;
  geometry?: { type: string; coordinates: [number, number] };
}

async function pointMarkers(map: L.Map, config: MapConfig): Promise<L.Marker[]> {
  const b = map.getBounds();
  const corners = [b.getSouthWest(), b.getNorthWest(), b.getNorthEast(), b.getSouthEast()];
  const params = new URLSearchParams(config.v1Filters);
  params.set('dataset', config.datasetId);
  params.set('rows', String(MAX_POINTS));
  params.set('geofilter.polygon', corners.map((c) => `(${c.lat},${c.lng})`).join(','));
  const body = (await getJson(`/api/records/1.0/search/?${params}`)) as { records: V1Record[] };
  return body.records
    .filter((r) => r.geometry?.type === 'Point')
    .map((record) => {
      const [lon, lat] = record.geometry!.coordinates;
      const marker = L.marker([lat, lon], { keyboard: true, title: record.recordid });
      marker.bindPopup(() => popup(record, config));
      return withKeyboard(marker);
    });
}

/** The popup of a record, built with text nodes only: values never become markup. */
function popup(record: V1Record, config: MapConfig): HTMLElement {
  const root = document.createElement('div');
  const list = document.createElement('dl');
  list.className = 'dg-map-popup';
  for (const [name, label] of Object.entries(config.labels)) {
    const value = record.fields[name];
    if (value === undefined || value === null || typeof value === 'object') continue;
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = String(value);
    list.append(term, detail);
  }
  const link = document.createElement('a');
  const separator = config.tableUrl.includes('?') ? '&' : '?';
  link.href = `${config.tableUrl}${separator}record=${encodeURIComponent(record.recordid)}#record`;
  link.textContent = config.messages.openRecord;
  root.append(list, link);
  return root;
}
