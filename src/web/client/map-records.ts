// The record level: each record of the view drawn on one canvas (a circle for a point, its
// shape for a geo_shape), so that hundreds of them cost no DOM; a popup reads the whole record
// when it opens. Canvas paths cannot take the keyboard focus: the list under the map names
// every record drawn, and a button there opens its popup, whose link takes the focus (Escape
// closes it and gives the focus back).

import L from 'leaflet';

import type { MapConfig } from './map-config.ts';

export interface V1Record {
  recordid: string;
  fields: Record<string, unknown>;
}

export interface DrawnRecord {
  record: V1Record;
  layer: L.Layer;
  /** Its popup's content, made when the popup first opens (Leaflet asks again on update). */
  content?: HTMLElement | undefined;
}

const POINT_STYLE: L.CircleMarkerOptions = {
  radius: 6,
  color: '#ffffff',
  weight: 1.5,
  fillColor: '#000091',
  fillOpacity: 0.85,
};
const SHAPE_STYLE: L.PathOptions = {
  color: '#000091',
  weight: 2,
  fillColor: '#6a6af4',
  fillOpacity: 0.25,
};

/** The layer of a record: its shape when it has one, else its point; null without either. */
function recordLayer(record: V1Record, config: MapConfig, renderer: L.Renderer): L.Layer | null {
  const shape = config.shapeField ? record.fields[config.shapeField] : undefined;
  if (shape && typeof shape === 'object') {
    try {
      return L.geoJSON(
        shape as GeoJSON.GeoJsonObject,
        {
          renderer,
          style: SHAPE_STYLE,
          pointToLayer: (_feature, latlng) => L.circleMarker(latlng, { renderer, ...POINT_STYLE }),
        } as L.GeoJSONOptions,
      );
    } catch {
      // A geometry Leaflet cannot draw: the record is left out, as one without a shape.
    }
  }
  const point = config.pointField ? record.fields[config.pointField] : undefined;
  if (Array.isArray(point) && typeof point[0] === 'number' && typeof point[1] === 'number') {
    return L.circleMarker([point[0], point[1]], { renderer, ...POINT_STYLE });
  }
  return null;
}

export function drawRecords(
  map: L.Map,
  config: MapConfig,
  records: V1Record[],
  renderer: L.Renderer,
): DrawnRecord[] {
  return records.flatMap((record) => {
    const layer = recordLayer(record, config, renderer);
    if (!layer) return [];
    const drawn: DrawnRecord = { record, layer };
    layer.bindPopup(() => (drawn.content ??= popup(map, drawn, config)));
    return [drawn];
  });
}

/** A value as popup text: scalars, and lists of scalars (multivalued fields); else null. */
function popupText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== null && typeof v !== 'object');
    return items.length > 0 ? items.join(', ') : null;
  }
  return typeof value === 'object' ? null : String(value);
}

/** The record's fields, read from the Explore API when its popup first opens. */
async function readRecord(config: MapConfig, id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${config.apiBase}/records/${encodeURIComponent(id)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The popup of a record: the map fetched only what draws and names it, so the popup reads the
 * whole record, then fires `dg-ready`. Built with text nodes only: values never become markup.
 */
function popup(map: L.Map, drawn: DrawnRecord, config: MapConfig): HTMLElement {
  const root = document.createElement('div');
  root.textContent = config.messages.loading;
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') map.closePopup();
  });
  readRecord(config, drawn.record.recordid).then(
    (fields) => {
      const list = document.createElement('dl');
      list.className = 'dg-map-popup';
      for (const [name, label] of Object.entries(config.labels)) {
        const text = popupText(fields[name]);
        if (text === null) continue;
        const term = document.createElement('dt');
        term.textContent = label;
        const detail = document.createElement('dd');
        detail.textContent = text;
        list.append(term, detail);
      }
      const link = document.createElement('a');
      const separator = config.tableUrl.includes('?') ? '&' : '?';
      const id = encodeURIComponent(drawn.record.recordid);
      link.href = `${config.tableUrl}${separator}record=${id}#record`;
      link.textContent = config.messages.openRecord;
      root.replaceChildren(list, link);
      drawn.layer.getPopup()?.update();
      root.dispatchEvent(new Event('dg-ready'));
    },
    () => {
      drawn.content = undefined;
      root.textContent = config.messages.error;
    },
  );
  return root;
}

function recordTitle(record: V1Record, config: MapConfig, index: number): string {
  const value = config.titleField ? record.fields[config.titleField] : undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  return config.messages.untitled.replace('{number}', String(index + 1));
}

/** Fills the list of the records drawn: one button each, which opens the record's popup. */
export function listRecords(list: HTMLUListElement, config: MapConfig, drawn: DrawnRecord[]): void {
  const items = drawn.map(({ record, layer }, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm';
    button.textContent = recordTitle(record, config, index);
    button.addEventListener('click', () => openFromList(layer, button));
    const item = document.createElement('li');
    item.append(button);
    return item;
  });
  list.replaceChildren(...items);
}

function openFromList(layer: L.Layer, button: HTMLButtonElement): void {
  layer.openPopup();
  const element = layer.getPopup()?.getElement();
  const content = element?.querySelector<HTMLElement>('.leaflet-popup-content > div');
  const focusLink = () => content?.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  if (content?.querySelector('a')) focusLink();
  else content?.addEventListener('dg-ready', focusLink, { once: true });
  layer.once('popupclose', () => {
    // Closing the popup removes the focused link: the focus goes back where it came from.
    const active = document.activeElement;
    if (button.isConnected && (active === document.body || element?.contains(active))) {
      button.focus();
    }
  });
}
