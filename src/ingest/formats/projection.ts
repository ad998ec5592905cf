// A shapefile's coordinate system (its .prj, in WKT) and the reprojection of its geometries
// to WGS 84 longitude/latitude with proj4. Geographic systems on WGS 84 or its equivalents
// (RGF93, ETRS89: the same to a metre) are kept as they are. proj4 is imported when a .prj
// needs it.

import type proj4 from 'proj4';

import type { Geometry } from '../../core/cell.ts';
import { unreadable } from '../unreadable.ts';

export type GeometryTransform = (geometry: Geometry) => Geometry;

const SAME_AS_WGS84 = /WGS[_ ]?(19)?84|RGF[_ ]?(19)?93|ETRS[_ ]?(19)?89|GRS[_ ]?(19)?80/i;

function mapPositions(coordinates: unknown, point: (xy: number[]) => number[]): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (typeof coordinates[0] === 'number') return point(coordinates as number[]);
  return coordinates.map((inner) => mapPositions(inner, point));
}

function transformWith(point: (xy: number[]) => number[]): GeometryTransform {
  const transform = (geometry: Geometry): Geometry =>
    geometry.type === 'GeometryCollection'
      ? { ...geometry, geometries: (geometry.geometries ?? []).map(transform) }
      : { ...geometry, coordinates: mapPositions(geometry.coordinates, point) };
  return transform;
}

/** The transform to WGS 84 of the .prj's system; undefined when none is needed. */
export async function projectionFromPrj(wkt: string | undefined): Promise<{
  transform?: GeometryTransform;
  name: string;
}> {
  const text = wkt?.trim() ?? '';
  if (text === '') return { name: 'none given (read as WGS 84)' };
  const name = /^\w+\["([^"]*)"/.exec(text)?.[1] ?? 'unnamed';
  if (/^GEOGCS\[/i.test(text) && SAME_AS_WGS84.test(text)) return { name };
  const { default: toWgs84 } = await import('proj4');
  let converter: proj4.Converter;
  try {
    converter = toWgs84(text, 'WGS84');
  } catch (error) {
    throw unreadable(`the projection of the .prj file (${name}) is not understood.`, error);
  }
  return {
    name,
    transform: transformWith((xy) => {
      const [x = 0, y = 0, ...rest] = xy;
      const [lon, lat] = converter.forward([x, y]);
      return [lon as number, lat as number, ...rest];
    }),
  };
}
