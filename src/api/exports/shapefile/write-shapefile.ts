// The shapefile export: a zip of .shp, .shx, .dbf, .prj and .cpg (UTF-8). A shapefile holds
// one shape type, so a geo_shape column mixing points, lines and polygons gives one layer per
// type (`<id>_point.shp`, `<id>_polygon.shp`…); a single type gives `<id>.shp`. Record counts
// and offsets go in the headers, so the layers are written to a temporary folder first, then
// zipped as a stream; memory stays flat, disk holds about one copy of the export.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import yazl from 'yazl';

import type { RecordsExport } from '../../../records/index.ts';
import type { Reprojection } from '../epsg.ts';
import { rowGeometry, splitColumns } from '../geometry.ts';
import { DbfSchema } from './dbf.ts';
import { LayerWriter } from './layer-writer.ts';
import type { ShapeFamily } from './shp-geometry.ts';
import { NULL_SHAPE, SHAPE_TYPE, encodeShape } from './shp-geometry.ts';

const FAMILIES: ShapeFamily[] = ['point', 'multipoint', 'polyline', 'polygon'];

async function writeLayers(
  data: RecordsExport,
  dir: string,
  reprojection: Reprojection,
): Promise<{ layers: Map<ShapeFamily | 'null', LayerWriter>; schema: DbfSchema }> {
  const { geometry, attributes } = splitColumns(data);
  const schema = new DbfSchema(attributes, data.timezone, reprojection);
  const layers = new Map<ShapeFamily | 'null', LayerWriter>();
  const layer = async (family: ShapeFamily | 'null') => {
    let found = layers.get(family);
    if (!found) {
      found = await LayerWriter.open(dir, family, SHAPE_TYPE[family]);
      layers.set(family, found);
    }
    return found;
  };
  try {
    for await (const batch of data.rows) {
      for (const row of batch) {
        const found = rowGeometry(row, geometry, data.timezone);
        const shape = found ? encodeShape(reprojection.geometry(found)) : null;
        const target = await layer(shape?.family ?? 'null');
        target.add(shape?.content ?? NULL_SHAPE, shape?.bbox ?? null, schema.cells(row));
      }
      await Promise.all([...layers.values()].map((l) => l.flush()));
    }
  } catch (error) {
    await Promise.all([...layers.values()].map((l) => l.abandon()));
    throw error;
  }
  // Records without geometry join the first layer as null shapes (a layer of their own if
  // no record has a geometry).
  const nulls = layers.get('null');
  const first = FAMILIES.map((f) => layers.get(f)).find((l) => l !== undefined);
  if (nulls && first) {
    for await (const cells of nulls.cellRows()) first.add(NULL_SHAPE, null, cells);
    await nulls.finish(schema);
    layers.delete('null');
  }
  if (layers.size === 0) await layer('null');
  return { layers, schema };
}

export async function* writeShapefile(
  data: RecordsExport,
  reprojection: Reprojection,
): AsyncIterable<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'datagora-shp-'));
  try {
    const { layers, schema } = await writeLayers(data, dir, reprojection);
    const zip = new yazl.ZipFile();
    for (const [family, layer] of layers) {
      const files = await layer.finish(schema);
      const base = layers.size === 1 ? data.datasetId : `${data.datasetId}_${family}`;
      zip.addFile(files.shp, `${base}.shp`);
      zip.addFile(files.shx, `${base}.shx`);
      zip.addFile(files.dbf, `${base}.dbf`);
      zip.addBuffer(Buffer.from(reprojection.prj), `${base}.prj`);
      zip.addBuffer(Buffer.from('UTF-8'), `${base}.cpg`);
    }
    zip.end();
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) yield chunk;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
