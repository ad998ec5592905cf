// The GPX 1.1 export: points become waypoints, lines and polygon rings track segments (GPX
// holds nothing else; it is WGS 84 only, so `epsg` does not apply). Options as ODS names them:
// `name_field` fills <name>, `description_field_list` <desc>, and `use_extension` (default
// true) puts every attribute in <extensions> as GDAL does, or else in <desc>. GPX wants all
// waypoints before the tracks: tracks wait in a temporary file, so memory stays flat.

import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Geometry } from '../../core/cell.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';
import type { RecordsExport } from '../../records/index.ts';
import { xmlName, xmlText } from '../../util/xml-text.ts';
import { csvCellFormatter } from './csv-values.ts';
import { rowGeometry, splitColumns } from './geometry.ts';

export interface GpxOptions {
  nameField?: string;
  descriptionFields?: string[];
  useExtension: boolean;
}

export function gpxOptions(query: QueryValues): GpxOptions {
  const list = single(query, 'description_field_list');
  return {
    nameField: single(query, 'name_field') || undefined,
    descriptionFields: list
      ?.split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
    useExtension: boolean(query, 'use_extension', true),
  };
}

/** Positions of a geometry as waypoints ([lon, lat]) and track segments. */
function parts(g: Geometry): { points: number[][]; segments: number[][][] } {
  const c = g.coordinates as never;
  const asPoints = (v: unknown): number[][] =>
    Array.isArray(v) ? v.filter((p): p is number[] => Array.isArray(p)) : [];
  switch (g.type) {
    case 'Point':
      return { points: asPoints([c]), segments: [] };
    case 'MultiPoint':
      return { points: asPoints(c), segments: [] };
    case 'LineString':
      return { points: [], segments: [asPoints(c)] };
    case 'MultiLineString':
    case 'Polygon':
      return { points: [], segments: (c as unknown[]).map(asPoints) };
    case 'MultiPolygon':
      return { points: [], segments: (c as unknown[][]).flat().map(asPoints) };
    case 'GeometryCollection': {
      const all = (g.geometries ?? []).map(parts);
      return { points: all.flatMap((p) => p.points), segments: all.flatMap((p) => p.segments) };
    }
    default:
      return { points: [], segments: [] };
  }
}

function checkFields(data: RecordsExport, options: GpxOptions): void {
  const keys = new Set(data.columns.map((c) => c.key));
  for (const name of [options.nameField, ...(options.descriptionFields ?? [])]) {
    if (name !== undefined && !keys.has(name)) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: `Invalid value for the GPX export: "${name}" is not an exported field.`,
      });
    }
  }
}

async function* gpxDocument(data: RecordsExport, options: GpxOptions): AsyncIterable<string> {
  const { geometry, attributes } = splitColumns(data);
  const text = new Map(attributes.map((c) => [c.key, csvCellFormatter(c, data.timezone, ',')]));
  const describe = (row: readonly unknown[], keys: string[], labelled: boolean) =>
    keys
      .map((k) => [k, text.get(k)?.(row) ?? ''] as const)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => (labelled ? `${k}: ${v}` : v))
      .join('\n');
  const allKeys = attributes.map((c) => c.key);
  const tags = (row: readonly unknown[]): string => {
    let out = '';
    const name = options.nameField ? (text.get(options.nameField)?.(row) ?? '') : '';
    if (name !== '') out += `<name>${xmlText(name)}</name>`;
    const desc = options.descriptionFields
      ? describe(row, options.descriptionFields, !options.useExtension)
      : options.useExtension
        ? ''
        : describe(row, allKeys, true);
    if (desc !== '') out += `<desc>${xmlText(desc)}</desc>`;
    if (options.useExtension) {
      const fields = allKeys
        .map((k) => [k, text.get(k)?.(row) ?? ''] as const)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `<ogr:${xmlName(k)}>${xmlText(v)}</ogr:${xmlName(k)}>`);
      if (fields.length > 0) out += `<extensions>${fields.join('')}</extensions>`;
    }
    return out;
  };
  const at = (p: number[]) => `lat="${Number(p[1])}" lon="${Number(p[0])}"`;
  const dir = await mkdtemp(join(tmpdir(), 'datagora-gpx-'));
  const tracksPath = join(dir, 'tracks.xml');
  const tracks = await open(tracksPath, 'w');
  try {
    yield (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gpx version="1.1" creator="Datagora" xmlns="http://www.topografix.com/GPX/1/1" ' +
      'xmlns:ogr="http://osgeo.org/gdal">\n'
    );
    for await (const batch of data.rows) {
      let waypoints = '';
      let trackText = '';
      for (const row of batch) {
        const found = rowGeometry(row, geometry, data.timezone);
        if (!found) continue;
        const { points, segments } = parts(found);
        const rowTags = tags(row);
        for (const p of points) waypoints += `<wpt ${at(p)}>${rowTags}</wpt>\n`;
        const segs = segments.filter((s) => s.length > 0);
        if (segs.length === 0) continue;
        const body = segs
          .map((s) => `<trkseg>${s.map((p) => `<trkpt ${at(p)}/>`).join('')}</trkseg>`)
          .join('');
        trackText += `<trk>${rowTags}${body}</trk>\n`;
      }
      if (trackText !== '') await tracks.write(trackText);
      if (waypoints !== '') yield waypoints;
    }
    await tracks.close();
    for await (const chunk of createReadStream(tracksPath, 'utf8')) yield chunk as string;
    yield '</gpx>\n';
  } finally {
    await tracks.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Checks the options against the exported columns now, then writes the document. */
export function writeGpx(options: GpxOptions): (data: RecordsExport) => AsyncIterable<string> {
  return (data) => {
    checkFields(data, options);
    return gpxDocument(data, options);
  };
}
