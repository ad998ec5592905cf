// Zipped shapefiles: each layer's geometries (read by `shapefile`) beside its attributes (our
// dBASE reader, in the encoding of the .cpg or sniffed), reprojected to WGS 84 when the .prj
// says so. Layers of one archive must share their attributes (as our own exports write a
// geo_shape that mixes points and polygons); they are read one after the other.

import iconv from 'iconv-lite';

import type { FieldType } from '../../core/field.ts';
import { fileSize } from '../file-access.ts';
import { unreadable } from '../unreadable.ts';
import type { DbfHeader } from './dbf-header.ts';
import { dbfFieldType, readDbfHeader } from './dbf-header.ts';
import { encodingFromCpg, sniffDbfEncoding } from './dbf-encoding.ts';
import { dbfRecords } from './dbf-records.ts';
import type { GeometryTransform } from './projection.ts';
import { projectionFromPrj } from './projection.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import type { ShapefileLayer } from './shapefile-archive.ts';
import { readSmallText, unpackShapefile } from './shapefile-archive.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';
import type { Geometry } from '../../core/cell.ts';

interface OpenLayer {
  layer: ShapefileLayer;
  header?: DbfHeader;
  names: string[];
  encoding: string;
  transform?: GeometryTransform;
  projection: string;
}

async function openLayer(layer: ShapefileLayer): Promise<OpenLayer> {
  const { transform, name: projection } = await projectionFromPrj(await readSmallText(layer.prj));
  if (!layer.dbf) return { layer, names: [], encoding: 'utf-8', transform, projection };
  const header = await readDbfHeader(layer.dbf);
  const cpg = await readSmallText(layer.cpg);
  const encoding = cpg
    ? encodingFromCpg(cpg)
    : await sniffDbfEncoding(layer.dbf, header.headerLength);
  if (!iconv.encodingExists(encoding)) {
    throw unreadable(`the .dbf encoding ${encoding} is not supported.`);
  }
  const names = header.fields.map((field) => iconv.decode(field.nameBytes, encoding).trim());
  return { layer, header, names, encoding, transform, projection };
}

async function* layerRecords(open: OpenLayer, next: () => number): AsyncGenerator<SourceRecord> {
  // Imported when a shapefile is read: most processes never read one.
  const shapefile = await import('shapefile');
  const shapes = await shapefile.openShp(open.layer.shp);
  const attributes = open.header
    ? dbfRecords(open.layer.dbf as string, open.header, open.names, open.encoding)
    : undefined;
  try {
    for (;;) {
      const shape = await shapes.read();
      if (shape.done) return;
      const values = attributes ? await attributes.next() : { done: false, value: {} };
      if (values.done) {
        throw unreadable('the .dbf file has fewer records than the .shp file has shapes.');
      }
      const position = next();
      if (values.value === null) continue;
      const geometry = (shape.value as Geometry | null) ?? null;
      yield {
        values: values.value,
        position,
        geometry: geometry && open.transform ? open.transform(geometry) : geometry,
      };
    }
  } finally {
    await attributes?.return(undefined);
  }
}

async function openShapefile(path: string): Promise<RecordSource> {
  const totalBytes = await fileSize(path);
  const unpacked = await unpackShapefile(path);
  try {
    const layers = await Promise.all(unpacked.layers.map(openLayer));
    const first = layers[0] as OpenLayer;
    const differing = layers.find((l) => l.names.join('\0') !== first.names.join('\0'));
    if (differing) {
      throw unreadable(
        `the layers ${first.layer.name} and ${differing.layer.name} have different attributes; put each in its own archive.`,
      );
    }
    const declaredTypes = new Map<string, FieldType>();
    first.header?.fields.forEach((field, i) => {
      const type = dbfFieldType(field);
      if (type) declaredTypes.set(first.names[i] as string, type);
    });
    const total = Math.max(
      layers.reduce((sum, l) => sum + (l.header?.records ?? 0), 0),
      1,
    );
    let position = 0;
    async function* records(): AsyncIterable<SourceRecord> {
      for (const layer of layers) yield* layerRecords(layer, () => ++position);
    }
    return {
      declaredTypes,
      geometry: true,
      details: {
        layers: layers.map((l) => l.layer.name).join(', '),
        encoding: first.encoding,
        projection: first.projection,
      },
      records: records(),
      progress: () => ({
        bytesRead: Math.min(totalBytes, Math.round((totalBytes * position) / total)),
        totalBytes,
      }),
      close: () => unpacked.remove(),
    };
  } catch (error) {
    await unpacked.remove();
    throw error;
  }
}

export const SHAPEFILE_FORMAT: ImportFormat = {
  name: 'shapefile',
  position: 'feature',
  inspect: (path, options) => inspectSource('shapefile', () => openShapefile(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openShapefile(path), layout, sink, onProgress),
};
