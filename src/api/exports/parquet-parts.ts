// A Parquet row group written from a range read by columns (core/column-parts.ts), on a reader
// thread: each column one data page (v2, PLAIN, snappy) whose values are copied from the range's
// blob of texts or read from its entries, with the definition levels and statistics the row
// encoder would give them (parquet-text-builder.ts, parquet-value-builders.ts), without a value
// ever being a JavaScript object. The file is the one parquet-chunk.ts writes with
// hyparquet-writer, the same schema, types, values and statistics; only the encoding differs (no
// dictionary pages), and a range makes one group. Parts this cannot read exactly answer null:
// the range is then encoded row by row.

import type { ColumnChunk, RowGroup, SchemaElement } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';

import type { ColumnParts } from '../../core/column-parts.ts';
import type { EncodedChunk } from '../../core/row-encoding.ts';
import { snappyCompress } from '../../util/snappy.ts';
import type { ParquetChunkOptions } from './parquet-chunk.ts';
import type { ColumnBuilder, TextCursor } from './parquet-column-builder.ts';
import { parquetColumn, parquetSchema } from './parquet-columns.ts';
import { builderOf } from './parquet-value-builders.ts';

let cachedSchema: { key: string; schema: SchemaElement[] } | null = null;

/**
 * The buffers of this thread's last row group, reused by the next: each text column's page (by
 * column number) and the group's writer. Allocated anew for each range (pages doubled from 16
 * KiB, the writer from 64 KiB), they were garbage for the thread to collect: a reader's array
 * buffers rose from 3 to 28 MB during an export. One larger than KEPT_BYTES is not kept: a
 * reader holds what it keeps between exports.
 */
const sparePages: (Uint8Array | undefined)[] = [];
let spareWriter: ByteWriter | null = null;
const KEPT_BYTES = 1 << 22;

/** The file's schema (the root, then a leaf per column), built once per export. */
function schemaOf(options: ParquetChunkOptions): SchemaElement[] {
  const key = JSON.stringify(options);
  if (cachedSchema?.key !== key) {
    const columns = options.columns.map((c) => parquetColumn(c, options.timezone));
    cachedSchema = { key, schema: parquetSchema(columns) };
  }
  return cachedSchema.schema;
}

/** Writes one column chunk: a page header, the definition levels, the compressed values. */
function writeChunk(
  writer: ByteWriter,
  element: SchemaElement,
  builder: ColumnBuilder,
  levels: Uint8Array,
  nulls: number,
): ColumnChunk {
  const rows = levels.length;
  const start = writer.offset;
  const levelWriter = new ByteWriter(rows / 4 + 16);
  const levelsLength = writeRleBitPackedHybrid(levelWriter, levels as never, 1);
  const plain = builder.plain();
  const compressed = snappyCompress(plain);
  writePageHeader(writer, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levelsLength + plain.length,
    compressed_page_size: levelsLength + compressed.length,
    data_page_header_v2: {
      num_values: rows,
      num_nulls: nulls,
      num_rows: rows,
      encoding: 'PLAIN',
      definition_levels_byte_length: levelsLength,
      repetition_levels_byte_length: 0,
      is_compressed: true,
    },
  });
  const headerLength = writer.offset - start;
  writer.appendBytes(levelWriter.getBytes());
  writer.appendBytes(compressed);
  const geospatial = builder.geospatial?.();
  return {
    file_offset: BigInt(start),
    meta_data: {
      type: element.type!,
      encodings: ['PLAIN'],
      path_in_schema: [element.name],
      codec: 'SNAPPY',
      num_values: BigInt(rows),
      total_uncompressed_size: BigInt(headerLength + levelsLength + plain.length),
      total_compressed_size: BigInt(writer.offset - start),
      data_page_offset: BigInt(start),
      statistics: builder.statistics(nulls),
      encoding_stats: [{ page_type: 'DATA_PAGE_V2', encoding: 'PLAIN', count: 1 }],
      ...(geospatial ? { geospatial_statistics: geospatial } : {}),
    },
  };
}

/** The range's row group, its offsets counted from the chunk's first byte; null if refused. */
export function encodeColumnParts(
  options: ParquetChunkOptions,
  parts: ColumnParts,
): EncodedChunk | null {
  const { rows, entries } = parts;
  if (rows === 0) return { bytes: new Uint8Array(0), rows: 0, meta: [] };
  const elements = schemaOf(options).slice(1);
  const cursor: TextCursor = { bytes: parts.bytes ?? new Uint8Array(0), from: 0 };
  const builders: ColumnBuilder[] = [];
  for (let c = 0; c < options.columns.length; c++) {
    const builder = builderOf(options.columns[c]!, elements[c]!, cursor, rows, sparePages[c]);
    if (builder === null) return null;
    builders.push(builder);
  }
  if (entries === null || builders.length === 0) return null;
  const columns = builders.length;
  const levels = builders.map(() => new Uint8Array(rows));
  const nulls = new Array<number>(columns).fill(0);
  let start = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let end = entries.indexOf(',', start);
      if (end < 0) end = entries.length;
      if (end === start) nulls[c]!++;
      else if (builders[c]!.add(entries, start, end)) levels[c]![r] = 1;
      else return null;
      start = end + 1;
    }
  }
  // Every entry and every byte of texts read: anything else is not what SQL was asked for.
  if (start !== entries.length + 1 || cursor.from !== cursor.bytes.length) return null;
  const writer = spareWriter ?? new ByteWriter(1 << 16);
  spareWriter = null;
  writer.index = 0;
  writer.offset = 0;
  const chunks = builders.map((builder, c) =>
    writeChunk(writer, elements[c]!, builder, levels[c]!, nulls[c]!),
  );
  for (let c = 0; c < columns; c++) {
    const page = builders[c]!.spare?.();
    sparePages[c] = page !== undefined && page.length <= KEPT_BYTES ? page : undefined;
  }
  let uncompressed = 0n;
  for (const chunk of chunks) uncompressed += chunk.meta_data!.total_uncompressed_size;
  const group: RowGroup = {
    columns: chunks,
    total_byte_size: uncompressed,
    num_rows: BigInt(rows),
    total_compressed_size: BigInt(writer.offset),
  };
  // A buffer of its own, at its length: it is moved to the main thread.
  const bytes = new Uint8Array(writer.buffer.slice(0, writer.index));
  if (writer.buffer.byteLength <= KEPT_BYTES) spareWriter = writer;
  return { bytes, rows, meta: [group] };
}
