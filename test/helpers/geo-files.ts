// Readers for the geo export formats, built on third-party parsers: shapefiles out of their zip
// (JSZip, shapefile), KML and GPX as GeoJSON (@tmcw/togeojson over @xmldom/xmldom).

import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import * as shapefile from 'shapefile';

export interface ReadFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

export interface ShapefileLayer {
  base: string;
  prj: string;
  cpg: string;
  features: ReadFeature[];
}

/** Every layer (`<base>.shp` with its .dbf, .prj, .cpg) of a zipped shapefile export. */
export async function readZippedShapefile(zipBytes: Buffer): Promise<ShapefileLayer[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const bases = Object.keys(zip.files)
    .filter((name) => name.endsWith('.shp'))
    .map((name) => name.slice(0, -4))
    .sort();
  const layers: ShapefileLayer[] = [];
  for (const base of bases) {
    const bytes = async (extension: string) => {
      const file = zip.file(`${base}.${extension}`);
      if (!file) throw new Error(`${base}.${extension} is missing from the zip`);
      return file.async('uint8array');
    };
    const text = async (extension: string) => Buffer.from(await bytes(extension)).toString('utf8');
    await bytes('shx');
    const collection = await shapefile.read(await bytes('shp'), await bytes('dbf'), {
      encoding: (await text('cpg')).trim().toLowerCase(),
    });
    layers.push({
      base,
      prj: await text('prj'),
      cpg: await text('cpg'),
      features: collection.features as unknown as ReadFeature[],
    });
  }
  return layers;
}

function xmlDocument(text: string) {
  return new DOMParser().parseFromString(text, 'text/xml');
}

export function readKml(text: string): ReadFeature[] {
  return kml(xmlDocument(text)).features as unknown as ReadFeature[];
}

export function readGpx(text: string): ReadFeature[] {
  return gpx(xmlDocument(text)).features as unknown as ReadFeature[];
}

/** The text of every `<tag>` element in document order (for GPX extensions and descriptions). */
export function elementTexts(text: string, tag: string): string[] {
  const elements = xmlDocument(text).getElementsByTagName(tag);
  return Array.from({ length: elements.length }, (_, i) => elements.item(i)?.textContent ?? '');
}
