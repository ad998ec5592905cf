// The `epsg` export parameter: the coordinate system geometries are written in. proj4 does the
// arithmetic; each supported system carries the ESRI WKT a shapefile's .prj needs. proj4
// (about 11 MB) is imported by the process or thread that first reprojects to another system
// than WGS 84: `prepareReprojection` before `reprojection`.

import type proj4Function from 'proj4';

import type { Geometry } from '../../core/cell.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer } from '../../http/query-params.ts';

const WGS84_GEOGCS =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

interface CoordinateSystem {
  /** The proj4 definition. */
  proj: string;
  /** ESRI WKT, as ArcGIS and GDAL write .prj files. */
  prj: string;
}

const SYSTEMS: Record<number, CoordinateSystem> = {
  4326: { proj: '+proj=longlat +datum=WGS84 +no_defs', prj: WGS84_GEOGCS },
  3857: {
    proj:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m ' +
      '+nadgrids=@null +wktext +no_defs',
    prj:
      `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${WGS84_GEOGCS},` +
      'PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],' +
      'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],' +
      'PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],' +
      'UNIT["Meter",1.0]]',
  },
  // Lambert-93, the official projection of metropolitan France (RGF93, GRS80 ellipsoid).
  2154: {
    proj:
      '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ' +
      '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    prj:
      'PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",' +
      'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
      'UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],' +
      'PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],' +
      'PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],' +
      'PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],' +
      'UNIT["Meter",1.0]]',
  },
};

export const SUPPORTED_EPSG = Object.keys(SYSTEMS).map(Number);

/** Moves positions from WGS 84 longitude/latitude into the requested system. */
export interface Reprojection {
  epsg: number;
  /** True for 4326: positions pass through unchanged. */
  identity: boolean;
  /** The shapefile .prj text. */
  prj: string;
  /** `[lon, lat]` → `[x, y]` (for 4326, `[lon, lat]` again). */
  position(lon: number, lat: number): [number, number];
  geometry(geometry: Geometry): Geometry;
}

function mapPositions(
  value: unknown,
  move: (lon: number, lat: number) => [number, number],
): unknown {
  if (!Array.isArray(value)) return value;
  if (typeof value[0] === 'number') {
    const [x, y] = move(value[0], Number(value[1]));
    return value.length > 2 ? [x, y, ...value.slice(2)] : [x, y];
  }
  return value.map((item) => mapPositions(item, move));
}

let proj4: typeof proj4Function | undefined;
let loading: Promise<void> | undefined;

/** Imports proj4 if `epsg` needs it (once per process or thread); other codes need nothing. */
export async function prepareReprojection(epsg: number | undefined): Promise<void> {
  if (epsg === undefined || epsg === 4326 || !SYSTEMS[epsg] || proj4) return;
  loading ??= import('proj4').then((module) => {
    proj4 = module.default;
  });
  await loading;
}

/** The reprojection to `epsg`; one other than 4326 needs `prepareReprojection(epsg)` first. */
export function reprojection(epsg: number): Reprojection {
  const system = SYSTEMS[epsg];
  if (!system) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail:
        `Invalid value for epsg API parameter: ${epsg} is not a supported EPSG code ` +
        `(${SUPPORTED_EPSG.join(', ')}).`,
    });
  }
  const identity = epsg === 4326;
  if (!identity && !proj4) throw new Error(`EPSG:${epsg} asked before proj4 was imported`);
  const converter = identity ? null : proj4!(SYSTEMS[4326]!.proj, system.proj);
  const position = (lon: number, lat: number): [number, number] => {
    if (!converter) return [lon, lat];
    const [x, y] = converter.forward([lon, lat]);
    return [x as number, y as number];
  };
  const geometry = (g: Geometry): Geometry => {
    if (identity) return g;
    if (g.type === 'GeometryCollection') {
      return { type: g.type, geometries: (g.geometries ?? []).map(geometry) };
    }
    return { type: g.type, coordinates: mapPositions(g.coordinates, position) };
  };
  return { epsg, identity, prj: system.prj, position, geometry };
}

/** Reads `epsg` (default 4326); an unsupported code is a 400 before any byte is sent. */
export async function epsgParameter(query: QueryValues): Promise<Reprojection> {
  const epsg = integer(query, 'epsg') ?? 4326;
  await prepareReprojection(epsg);
  return reprojection(epsg);
}
