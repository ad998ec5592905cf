// The layers of a zipped shapefile: each `.shp` with its `.dbf`, `.prj` and `.cpg`, unpacked
// to a temporary folder under names of our own.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { unreadable } from '../unreadable.ts';
import { extractEntries, zipEntryNames } from './zip-entries.ts';

/** Unpacking stops past this (a zip bomb is refused); shapefiles cap at 2 GB a part. */
const MAX_UNPACKED_BYTES = 8 * 1024 ** 3;
type Part = 'shp' | 'dbf' | 'prj' | 'cpg';

export interface ShapefileLayer {
  name: string;
  shp: string;
  dbf?: string;
  prj?: string;
  cpg?: string;
}

export interface UnpackedShapefile {
  layers: ShapefileLayer[];
  remove(): Promise<void>;
}

function splitName(entry: string): { layer: string; part: Part } | undefined {
  if (entry.startsWith('__MACOSX/') || basename(entry).startsWith('.')) return undefined;
  const match = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry);
  if (!match) return undefined;
  return { layer: match[1] as string, part: (match[2] as string).toLowerCase() as Part };
}

export async function unpackShapefile(path: string): Promise<UnpackedShapefile> {
  const names = await zipEntryNames(path);
  const layerNames = [
    ...new Set(
      names.flatMap((entry) => {
        const found = splitName(entry);
        return found?.part === 'shp' ? [found.layer] : [];
      }),
    ),
  ].sort();
  if (layerNames.length === 0) throw unreadable('the zip archive holds no .shp file.');
  const dir = await mkdtemp(join(tmpdir(), 'datagora-shp-import-'));
  const layers: ShapefileLayer[] = layerNames.map((name, i) => ({
    name: basename(name),
    shp: join(dir, `layer-${i}.shp`),
  }));
  try {
    await extractEntries(
      path,
      (entry) => {
        const found = splitName(entry);
        const index = found ? layerNames.indexOf(found.layer) : -1;
        if (!found || index === -1) return undefined;
        const target = join(dir, `layer-${index}.${found.part}`);
        (layers[index] as ShapefileLayer)[found.part] = target;
        return target;
      },
      MAX_UNPACKED_BYTES,
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { layers, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function readSmallText(path: string | undefined): Promise<string | undefined> {
  return path === undefined ? undefined : (await readFile(path, 'latin1')).trim();
}
