// The cluster level: one focusable marker per cluster the server computed, showing its count;
// a click, Enter or Space zooms in towards it (down to the records at POINTS_ZOOM).

import L from 'leaflet';

import type { MapConfig } from './map-config.ts';
import { POINTS_ZOOM } from './map-config.ts';

export interface Cluster {
  c: { lat: number; lon: number } | null;
  n: number;
}

export function clusterMarkers(map: L.Map, config: MapConfig, clusters: Cluster[]): L.Marker[] {
  const zoom = map.getZoom();
  const format = new Intl.NumberFormat(config.lang);
  return clusters.flatMap((cluster) => {
    if (cluster.c === null) return [];
    const digits = String(cluster.n).length;
    const size = Math.max(28, 14 + 8 * digits);
    const label = `${format.format(cluster.n)} ${config.messages.records}`;
    const marker = L.marker([cluster.c.lat, cluster.c.lon], {
      icon: L.divIcon({
        className: 'dg-map-cluster',
        // The count as text, no element of its own: fewer elements to style at each zoom.
        html: String(cluster.n),
        iconSize: [size, size],
      }),
      title: label,
      alt: label,
      keyboard: true,
    });
    marker.on('click', () => {
      // The marker goes with the view it belongs to: the keyboard goes on from the map itself.
      map.getContainer().focus({ preventScroll: true });
      map.setView(marker.getLatLng(), Math.min(POINTS_ZOOM, zoom + 2));
    });
    marker.on('add', () => {
      marker.getElement()?.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        marker.fire('click');
      });
    });
    return [marker];
  });
}
