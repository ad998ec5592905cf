// The import formats, by name, and the detection of a file's format.

import { CSV_FORMAT, TSV_FORMAT } from './csv.ts';
import { GEOJSON_FORMAT } from './geojson.ts';
import { JSON_FORMAT } from './json.ts';
import { JSONL_FORMAT } from './jsonl.ts';
import { PARQUET_FORMAT } from './parquet.ts';
import { SHAPEFILE_FORMAT } from './shapefile.ts';
import { XLS_FORMAT } from './xls.ts';
import { XLSX_FORMAT } from './xlsx.ts';
import type { FormatName, ImportFormat } from './types.ts';

export type {
  FieldSource,
  FileLayout,
  FormatName,
  ImportFormat,
  InspectOptions,
  ReadResult,
  Sink,
} from './types.ts';
export { FORMAT_NAMES, isFormatName } from './types.ts';
export { detectFormat } from './detect.ts';

const FORMATS: Record<FormatName, ImportFormat> = {
  csv: CSV_FORMAT,
  tsv: TSV_FORMAT,
  xlsx: XLSX_FORMAT,
  xls: XLS_FORMAT,
  json: JSON_FORMAT,
  jsonl: JSONL_FORMAT,
  geojson: GEOJSON_FORMAT,
  shapefile: SHAPEFILE_FORMAT,
  parquet: PARQUET_FORMAT,
};

export function importFormat(name: FormatName): ImportFormat {
  return FORMATS[name];
}
