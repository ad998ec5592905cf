// GeoJSON: a FeatureCollection streamed feature by feature. Properties become fields; the
// geometry becomes a geo_shape field and a geo_point_2d (the point, or the shape's centroid),
// as ODS does. Coordinates are WGS 84 longitude/latitude (RFC 7946).

import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';

import { unreadable } from '../unreadable.ts';
import { fileHead } from './head.ts';
import { openJsonArray, PARSER_OPTIONS } from './json.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';

const FEATURE_COLLECTION = /"type"\s*:\s*"FeatureCollection"/;

function featureRecord(value: unknown, position: number): SourceRecord {
  const feature = value as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
    return { values: null, position, error: 'not a GeoJSON Feature' };
  }
  const properties = feature.properties ?? {};
  return { values: properties, position, geometry: feature.geometry ?? null };
}

async function openGeoJson(path: string): Promise<RecordSource> {
  const head = (await fileHead(path, 64 * 1024)).toString('utf8');
  if (!FEATURE_COLLECTION.test(head)) {
    throw unreadable(
      'the file is not a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]}).',
    );
  }
  const source = await openJsonArray(
    path,
    // "features" is picked wherever it sits among the collection's members.
    [pick.withParserAsStream({ filter: 'features', ...PARSER_OPTIONS }), streamArray.asStream()],
    featureRecord,
  );
  return { ...source, geometry: true };
}

export const GEOJSON_FORMAT: ImportFormat = {
  name: 'geojson',
  position: 'feature',
  inspect: (path, options) => inspectSource('geojson', () => openGeoJson(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openGeoJson(path), layout, sink, onProgress),
};
