// The shapes shared by every import format: a layout found by `inspect`, rows read by `read`.

import type { Row } from '../../core/cell.ts';
import type { Field, FieldType } from '../../core/field.ts';
import type { CsvLayout, CsvReadResult, ReadProgress } from '../types.ts';

export const FORMAT_NAMES = [
  'csv',
  'tsv',
  'xlsx',
  'xls',
  'json',
  'jsonl',
  'geojson',
  'shapefile',
  'parquet',
] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

export interface InspectOptions {
  /** CSV: a forced delimiter. */
  separator?: string;
  /** Records read to infer the field types (default 10000). */
  sampleRows?: number;
  /** A known schema (matched by position) that replaces inference. */
  fields?: Field[];
}

/** Where a field's value comes from in a source record. */
export type FieldSource =
  | { key: string | number }
  /** The record's geometry as a shape, or its point (the shape's centroid). */
  | { geometry: 'shape' | 'point' };

export interface FileLayout {
  format: FormatName;
  fields: Field[];
  /** One per field. */
  sources: FieldSource[];
  sampleRowCount: number;
  /** CSV and TSV: the dialect. */
  csv?: CsvLayout;
  /** Facts worth showing (sheet name, projection, encoding), by name. */
  details: Record<string, string>;
}

export type ReadResult = CsvReadResult;
/** Receives rows with each one's position (line, row or record number) for later issues. */
export type Sink = (rows: Row[], positions: number[]) => void | Promise<void>;
export type ProgressListener = (progress: ReadProgress) => void;

export interface ImportFormat {
  name: FormatName;
  /** What an issue's `line` counts in this format (a physical line, a sheet row, a record). */
  position: 'line' | 'row' | 'record' | 'feature';
  inspect(path: string, options: InspectOptions): Promise<FileLayout>;
  read(
    path: string,
    layout: FileLayout,
    sink: Sink,
    onProgress?: ProgressListener,
  ): Promise<ReadResult>;
}

/** A record as a format hands it over: an object by key, or an array by column index. */
export interface SourceRecord {
  values: unknown;
  /** What issues name: the line, row or record number (1-based). */
  position: number;
  /** GeoJSON and shapefiles: the record's geometry (null when it has none). */
  geometry?: unknown;
  /** Why this record cannot be read (it is skipped and reported), e.g. a line of bad JSON. */
  error?: string;
  /** A problem worth reporting that does not stop the record being read. */
  note?: string;
}

/** An open file of records, as the generic inspection and reading see it. */
export interface RecordSource {
  /** Column labels of tabular formats (XLSX, XLS); absent, records are objects. */
  labels?: string[];
  /** Declared types by key (Parquet's schema, a DBF's field types); others are inferred. */
  declaredTypes?: Map<string | number, FieldType>;
  /** Whether records carry a geometry (GeoJSON, shapefiles). */
  geometry?: boolean;
  details?: Record<string, string>;
  records: AsyncIterable<SourceRecord>;
  progress(): { bytesRead: number; totalBytes: number };
  close(): Promise<void>;
}
