// Parquet: read one row group at a time with hyparquet (memory holds one group), column
// types mapped to ODS types (parquet-types.ts). Snappy is built in; gzip and Brotli use
// node:zlib; ZSTD and LZ4 files are refused with the reason.

import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import type { Compressors, FileMetaData } from 'hyparquet';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';

import type { FieldType } from '../../core/field.ts';
import { fileError, fileSize } from '../file-access.ts';
import { unreadable } from '../unreadable.ts';
import { binaryValue } from './parquet-binary.ts';
import { declaredType } from './parquet-types.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';

const COMPRESSORS: Compressors = {
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
};

async function openParquet(path: string): Promise<RecordSource> {
  const totalBytes = await fileSize(path);
  let file;
  let metadata: FileMetaData;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    if (error instanceof Error && 'syscall' in error) throw fileError(path, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadable(`the file is not a readable Parquet file (${reason}).`, error);
  }
  const columns = parquetSchema(metadata).children;
  const declaredTypes = new Map<string, FieldType>();
  // Read as bytes (utf8: false), then WKB or text: see parquet-binary.ts.
  const binary = columns
    .filter((c) => c.children.length === 0 && c.element.type === 'BYTE_ARRAY')
    .filter((c) => !c.element.converted_type && !c.element.logical_type)
    .map((c) => c.element.name);
  for (const column of columns) {
    const type = declaredType(column);
    if (type) declaredTypes.set(column.element.name, type);
  }
  let bytesRead = 0;
  let position = 0;
  const source = file;
  async function* records(): AsyncIterable<SourceRecord> {
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({
        file: source,
        metadata,
        rowStart,
        rowEnd,
        compressors: COMPRESSORS,
        utf8: false,
      });
      for (const values of rows) {
        for (const key of binary) values[key] = binaryValue(values[key]);
        yield { values, position: ++position };
      }
      bytesRead = Math.min(
        totalBytes,
        bytesRead + Number(group.total_compressed_size ?? group.total_byte_size),
      );
      rowStart = rowEnd;
    }
    bytesRead = totalBytes;
  }
  return {
    declaredTypes,
    details: { rows: String(metadata.num_rows), rowGroups: String(metadata.row_groups.length) },
    records: records(),
    progress: () => ({ bytesRead, totalBytes }),
    close: async () => {},
  };
}

export const PARQUET_FORMAT: ImportFormat = {
  name: 'parquet',
  position: 'row',
  inspect: (path, options) => inspectSource('parquet', () => openParquet(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openParquet(path), layout, sink, onProgress),
};
