// The KML export: one Placemark per record, its geometry from the first geo column (KML is
// always WGS 84 longitude/latitude, so `epsg` does not apply) and the other columns as
// ExtendedData, their text as in the CSV export.

import type { Geometry } from '../../core/cell.ts';
import type { RecordsExport } from '../../records/index.ts';
import { xmlText } from '../../util/xml-text.ts';
import { csvCellFormatter } from './csv-values.ts';
import { rowGeometry, splitColumns } from './geometry.ts';

function coordinates(positions: unknown): string {
  if (!Array.isArray(positions)) return '';
  return positions
    .filter((p): p is unknown[] => Array.isArray(p))
    .map((p) => `${Number(p[0])},${Number(p[1])}`)
    .join(' ');
}

function ring(positions: unknown): string {
  return `<LinearRing><coordinates>${coordinates(positions)}</coordinates></LinearRing>`;
}

function polygon(rings: unknown): string {
  if (!Array.isArray(rings) || rings.length === 0) return '';
  const [outer, ...inner] = rings;
  const holes = inner.map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('');
  return `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${holes}</Polygon>`;
}

export function kmlGeometry(geometry: Geometry): string {
  const c = geometry.coordinates;
  const list = (items: unknown, one: (item: unknown) => string) =>
    `<MultiGeometry>${Array.isArray(items) ? items.map(one).join('') : ''}</MultiGeometry>`;
  const point = (p: unknown) => `<Point><coordinates>${coordinates([p])}</coordinates></Point>`;
  const line = (l: unknown) =>
    `<LineString><coordinates>${coordinates(l)}</coordinates></LineString>`;
  switch (geometry.type) {
    case 'Point':
      return point(c);
    case 'MultiPoint':
      return list(c, point);
    case 'LineString':
      return line(c);
    case 'MultiLineString':
      return list(c, line);
    case 'Polygon':
      return polygon(c);
    case 'MultiPolygon':
      return list(c, polygon);
    case 'GeometryCollection':
      return list(geometry.geometries, (g) => kmlGeometry(g as Geometry));
    default:
      return '';
  }
}

export async function* writeKml(data: RecordsExport): AsyncIterable<string> {
  const { geometry, attributes } = splitColumns(data);
  const cells = attributes.map((c) => ({
    name: xmlText(c.key),
    text: csvCellFormatter(c, data.timezone, ','),
  }));
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">' +
    `<Document><name>${xmlText(data.datasetId)}</name>\n`
  );
  for await (const batch of data.rows) {
    let chunk = '';
    for (const row of batch) {
      let extended = '';
      for (const cell of cells) {
        const text = cell.text(row);
        if (text !== '')
          extended += `<Data name="${cell.name}"><value>${xmlText(text)}</value></Data>`;
      }
      const found = rowGeometry(row, geometry, data.timezone);
      chunk += `<Placemark><ExtendedData>${extended}</ExtendedData>${found ? kmlGeometry(found) : ''}</Placemark>\n`;
    }
    yield chunk;
  }
  yield '</Document></kml>\n';
}
