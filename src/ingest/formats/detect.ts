// Which format a file is in, from its first bytes and then its name: binary signatures
// (Parquet, zip, OLE2) decide first, then the extension, then a look at the text.

import { extname } from 'node:path';

import { unreadable } from '../unreadable.ts';
import { fileHead } from './head.ts';
import { zipEntryNames } from './zip-entries.ts';
import type { FormatName } from './types.ts';

const BY_EXTENSION: Record<string, FormatName> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.dat': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.xls': 'xls',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.geojson': 'geojson',
  '.zip': 'shapefile',
  '.parquet': 'parquet',
};

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(head: Buffer, signature: Buffer | string): boolean {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : signature;
  return head.subarray(0, bytes.length).equals(bytes);
}

/** A zip is an XLSX workbook when it holds `xl/`, a shapefile when it holds a `.shp`. */
async function zipFormat(path: string): Promise<FormatName> {
  const names = await zipEntryNames(path);
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  if (names.some((name) => name.toLowerCase().endsWith('.shp'))) return 'shapefile';
  throw unreadable('the zip archive holds neither a shapefile (.shp) nor an XLSX workbook.');
}

const FEATURE_COLLECTION = /"type"\s*:\s*"FeatureCollection"/;

/** A text file: its extension decides (a .json FeatureCollection is GeoJSON), else its start. */
function textFormat(head: string, extension: FormatName | undefined): FormatName {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const collection = text.startsWith('{') && FEATURE_COLLECTION.test(text);
  if (extension === 'json') return collection ? 'geojson' : 'json';
  if (extension === 'csv' || extension === 'tsv' || extension === 'jsonl') return extension;
  if (extension === 'geojson') return 'geojson';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return collection ? 'geojson' : 'jsonl';
  return 'csv';
}

/** The format of the file at `path` (its name is read from `name` when given, e.g. an upload). */
export async function detectFormat(path: string, name = path): Promise<FormatName> {
  const head = await fileHead(path, 64 * 1024);
  if (head.length === 0) throw unreadable('the file is empty.');
  if (startsWith(head, 'PAR1')) return 'parquet';
  if (startsWith(head, OLE2)) return 'xls';
  if (startsWith(head, 'PK\x03\x04')) return zipFormat(path);
  return textFormat(head.toString('utf8'), BY_EXTENSION[extname(name).toLowerCase()]);
}
