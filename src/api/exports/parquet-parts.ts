// A Parquet row group written from a range read by columns (core/column-parts.ts), on a reader
// thread: each column one data page (v2, PLAIN, snappy) whose values are copied from the range's
// blob of texts or read from its entries, with the definition levels and statistics the row
// encoder would give them, without a value ever being a JavaScript object. The file is the one
// parquet-chunk.ts writes with hyparquet-writer, the same schema, types, values and statistics;
// only the encoding differs (no dictionary pages), and a range makes one group. Parts this
// cannot read exactly answer null: the range is then encoded row by row.

import type {
  ColumnChunk,
  GeospatialStatistics,
  RowGroup,
  SchemaElement,
  Statistics,
} from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';

import type { ColumnParts } from '../../core/column-parts.ts';
import type { EncodedChunk } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { joinList } from './csv-values.ts';
import type { ParquetChunkOptions } from './parquet-chunk.ts';
import { parquetColumn, parquetSchema } from './parquet-columns.ts';

/** Date's range: beyond it `new Date(ms)` is invalid, which the row encoder cannot write. */
const MAX_INSTANT_MS = 8.64e15;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

/** hyparquet-writer writes a double column's NaN count (none here) with its statistics. */
type ChunkStatistics = Statistics & { nan_count?: bigint };

/** A column's values being gathered: each kind adds one value from its entry. */
interface ColumnBuilder {
  /** Adds the value of entry [start, end) of `entries`; false when it cannot be written. */
  add(entries: string, start: number, end: number): boolean;
  /** The PLAIN bytes of the values added. */
  plain(): Uint8Array;
  statistics(nulls: number): ChunkStatistics;
  geospatial?(): GeospatialStatistics | undefined;
}

/** Where the next text starts in the range's blob of texts. */
interface TextCursor {
  bytes: Uint8Array;
  from: number;
}

/** A growing byte buffer: values are copied into it as they come. */
class Bytes {
  data = new Uint8Array(1 << 14);
  length = 0;

  reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const grown = new Uint8Array(Math.max(this.data.length * 2, this.length + more));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  uint32(value: number): void {
    this.reserve(4);
    const at = this.length;
    this.data[at] = value & 255;
    this.data[at + 1] = (value >>> 8) & 255;
    this.data[at + 2] = (value >>> 16) & 255;
    this.data[at + 3] = (value >>> 24) & 255;
    this.length += 4;
  }

  copy(source: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    if (to - from < 32) {
      for (let i = from; i < to; i++) this.data[this.length++] = source[i]!;
    } else {
      this.data.set(source.subarray(from, to), this.length);
      this.length += to - from;
    }
  }
}

/** Unsigned byte order of two byte ranges, as Parquet orders UTF-8 statistics. */
function compareBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array): number {
  const length = Math.min(aTo - aFrom, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a[aFrom + i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return aTo - aFrom - b.length;
}

/** A whole number of bytes read from entry [start, end), or -1. */
function lengthOf(entries: string, start: number, end: number): number {
  let length = 0;
  for (let i = start; i < end; i++) {
    const digit = entries.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    length = length * 10 + digit;
  }
  return length;
}

/** Texts and lists: each value's length (4 bytes, little-endian), then its bytes. */
function textBuilder(cursor: TextCursor, list: boolean): ColumnBuilder {
  const out = new Bytes();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let min: Uint8Array | null = null;
  let max: Uint8Array | null = null;

  /** The list at [from, to) of the blob, joined by `,` as joinList joins it, into `out`. */
  const writeList = (bytes: Uint8Array, from: number, to: number) => {
    const simple =
      to - from >= 4 &&
      bytes[from] === 91 &&
      bytes[from + 1] === QUOTE &&
      bytes[to - 2] === QUOTE &&
      bytes[to - 1] === 93;
    if (simple) {
      const start = out.length;
      out.reserve(to - from);
      let i = from + 2;
      for (; i < to - 2; i++) {
        const byte = bytes[i]!;
        if (byte === BACKSLASH) break;
        if (byte !== QUOTE) {
          out.data[out.length++] = byte;
        } else if (bytes[i + 1] === COMMA && bytes[i + 2] === QUOTE) {
          out.data[out.length++] = COMMA;
          i += 2;
        } else {
          break;
        }
      }
      if (i === to - 2) return;
      out.length = start; // Escapes or another shape: JSON says what the values are.
    }
    const joined = joinList(decoder.decode(bytes.subarray(from, to)), ',');
    const encoded = encoder.encode(joined);
    out.copy(encoded, 0, encoded.length);
  };

  return {
    add(entries, start, end) {
      const length = lengthOf(entries, start, end);
      const { bytes, from } = cursor;
      const to = from + length;
      if (length < 0 || to > bytes.length) return false;
      cursor.from = to;
      const mark = out.length;
      out.uint32(0);
      if (list) writeList(bytes, from, to);
      else out.copy(bytes, from, to);
      const size = out.length - mark - 4;
      out.data[mark] = size & 255;
      out.data[mark + 1] = (size >>> 8) & 255;
      out.data[mark + 2] = (size >>> 16) & 255;
      out.data[mark + 3] = (size >>> 24) & 255;
      const data = out.data;
      if (min === null || compareBytes(data, mark + 4, out.length, min) < 0) {
        min = data.slice(mark + 4, out.length);
      }
      if (max === null || compareBytes(data, mark + 4, out.length, max) > 0) {
        max = data.slice(mark + 4, out.length);
      }
      return true;
    },
    plain: () => out.data.subarray(0, out.length),
    statistics(nulls) {
      const statistics: ChunkStatistics = { null_count: BigInt(nulls) };
      if (min !== null && max !== null) {
        statistics.min_value = decoder.decode(min);
        statistics.max_value = decoder.decode(max);
      }
      return statistics;
    },
  };
}

/** INT64 (integers, and instants in milliseconds), DOUBLE and BOOLEAN columns. */
function numberBuilder(element: SchemaElement, rows: number): ColumnBuilder {
  const page = new ByteWriter(8 * rows + 16);
  const instant = element.converted_type === 'TIMESTAMP_MILLIS';
  let min: number | undefined;
  let max: number | undefined;
  let bits = 0;
  let bitCount = 0;
  return {
    add(entries, start, end) {
      let value = Number(entries.slice(start, end));
      if (!Number.isFinite(value)) return false;
      if (element.type === 'BOOLEAN') {
        bits |= (value === 1 ? 1 : 0) << bitCount;
        if (++bitCount === 8) {
          page.appendUint8(bits);
          bits = 0;
          bitCount = 0;
        }
      } else if (element.type === 'DOUBLE') {
        page.appendFloat64(value);
      } else {
        value = Math.trunc(value);
        if (instant && Math.abs(value) > MAX_INSTANT_MS) return false;
        page.appendInt64(BigInt(value));
      }
      if (min === undefined || value < min) min = value;
      if (max === undefined || value > max) max = value;
      return true;
    },
    plain() {
      if (bitCount > 0) page.appendUint8(bits);
      bitCount = 0;
      return page.getBytes();
    },
    statistics(nulls) {
      const statistics: ChunkStatistics = { null_count: BigInt(nulls) };
      if (element.type === 'DOUBLE') statistics.nan_count = 0n;
      if (min === undefined || max === undefined) return statistics;
      if (element.type === 'BOOLEAN') {
        statistics.min_value = min === 1;
        statistics.max_value = max === 1;
      } else if (element.type === 'INT64') {
        statistics.min_value = BigInt(min);
        statistics.max_value = BigInt(max);
      } else {
        // Parquet's signed zeros: the least is -0, the greatest +0.
        statistics.min_value = min === 0 ? -0 : min;
        statistics.max_value = max === 0 ? 0 : max;
      }
      return statistics;
    },
  };
}

/** Points: each as WKB (little-endian, type 1, x = lon, y = lat), and their bounding box. */
function pointBuilder(rows: number): ColumnBuilder {
  const page = new ByteWriter(25 * rows + 16);
  let xmin = Infinity;
  let xmax = -Infinity;
  let ymin = Infinity;
  let ymax = -Infinity;
  let count = 0;
  return {
    add(entries, start, end) {
      const space = entries.indexOf(' ', start);
      if (space < 0 || space >= end) return false;
      const lat = Number(entries.slice(start, space));
      const lon = Number(entries.slice(space + 1, end));
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
      page.appendUint32(21);
      page.appendUint8(1);
      page.appendUint32(1);
      page.appendFloat64(lon);
      page.appendFloat64(lat);
      xmin = Math.min(xmin, lon);
      xmax = Math.max(xmax, lon);
      ymin = Math.min(ymin, lat);
      ymax = Math.max(ymax, lat);
      count++;
      return true;
    },
    plain: () => page.getBytes(),
    statistics: (nulls) => ({ null_count: BigInt(nulls) }),
    geospatial: () =>
      count === 0 ? undefined : { bbox: { xmin, ymin, xmax, ymax }, geospatial_types: [1] },
  };
}

function builderOf(
  column: OutputColumn,
  element: SchemaElement,
  cursor: TextCursor,
  rows: number,
): ColumnBuilder | null {
  if (column.multivalued) return column.type === 'text' ? textBuilder(cursor, true) : null;
  switch (column.type) {
    case 'text':
    case 'date':
      return textBuilder(cursor, false);
    case 'int':
    case 'double':
    case 'boolean':
    case 'datetime':
      return numberBuilder(element, rows);
    case 'geo_point_2d':
      return pointBuilder(rows);
    default:
      return null;
  }
}

let cachedSchema: { key: string; schema: SchemaElement[] } | null = null;

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
    const builder = builderOf(options.columns[c]!, elements[c]!, cursor, rows);
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
  const writer = new ByteWriter(1 << 16);
  const chunks = builders.map((builder, c) =>
    writeChunk(writer, elements[c]!, builder, levels[c]!, nulls[c]!),
  );
  let uncompressed = 0n;
  for (const chunk of chunks) uncompressed += chunk.meta_data!.total_uncompressed_size;
  const group: RowGroup = {
    columns: chunks,
    total_byte_size: uncompressed,
    num_rows: BigInt(rows),
    total_compressed_size: BigInt(writer.offset),
  };
  // A buffer of its own, at its length: it is moved to the main thread.
  return { bytes: new Uint8Array(writer.buffer.slice(0, writer.index)), rows, meta: [group] };
}
