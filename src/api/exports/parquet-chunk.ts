// The Parquet export's chunk encoder (a RowEncoding module, run in the reader threads): the rows
// of a range become row groups, encoded here by hyparquet-writer; only their bytes and their
// metadata (offsets counted from the chunk's first byte) go to the main thread, which writes
// the file's head and footer (parquet.ts).

import type { RowGroup } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';

import type { ChunkEncoder, EncodedChunk } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { snappyCompress } from '../../util/snappy.ts';
import type { ParquetColumn } from './parquet-columns.ts';
import { parquetColumn, parquetSchema } from './parquet-columns.ts';

export interface ParquetChunkOptions {
  columns: OutputColumn[];
  timezone: string;
}

export const PARQUET_CHUNK_MODULE = import.meta.url;

// A range read by columns is encoded by the same module (RowEncoding.columnParts).
export { encodeColumnParts } from './parquet-parts.ts';

/** Pages compressed by the native library rather than hyparquet-writer's JavaScript. */
const compressors = { SNAPPY: snappyCompress };

/** The 'PAR1' a ParquetWriter writes first, which a row group encoded here leaves out. */
const MAGIC_BYTES = 4;

/** Moves every file offset in a row group's metadata by `by` bytes. */
export function moveRowGroup(group: RowGroup, by: bigint): void {
  if (group.file_offset !== undefined) group.file_offset += by;
  for (const chunk of group.columns) {
    chunk.file_offset += by;
    if (chunk.offset_index_offset !== undefined) chunk.offset_index_offset += by;
    if (chunk.column_index_offset !== undefined) chunk.column_index_offset += by;
    const meta = chunk.meta_data;
    if (!meta) continue;
    meta.data_page_offset += by;
    if (meta.index_page_offset !== undefined) meta.index_page_offset += by;
    if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += by;
    if (meta.bloom_filter_offset !== undefined) meta.bloom_filter_offset += by;
  }
}

/**
 * Rows per row group: a range of row ids (8,192) is encoded as two groups, a streamed batch (its
 * encoding's batchRows, parquet.ts) as one. The column arrays of a group are what a reader holds
 * while encoding; 8,192-row groups made the export's peak about 25 MB higher, for a file 4 %
 * smaller.
 */
export const GROUP_ROWS = 4096;

/**
 * Writers free for a chunk, reused (a writer grows to the size of the largest chunk and stays
 * there, instead of growing afresh for each); a chunk being encoded holds its own.
 */
const idle: ByteWriter[] = [];

export function createChunkEncoder(options: ParquetChunkOptions): ChunkEncoder {
  const columns: ParquetColumn[] = options.columns.map((c) => parquetColumn(c, options.timezone));
  const schema = parquetSchema(columns);
  let data: unknown[][] = columns.map(() => []);
  let count = 0;
  let pending = 0;
  let file: { writer: ByteWriter; parquet: ParquetWriter } | null = null;

  /** Encodes the rows added since the last group as one more group of the chunk. */
  const writeGroup = () => {
    if (pending === 0) return;
    if (!file) {
      const writer = idle.pop() ?? new ByteWriter(1 << 20);
      writer.index = 0;
      writer.offset = 0;
      const parquet = new ParquetWriter({ writer, schema, createdBy: 'datagora', compressors });
      file = { writer, parquet };
    }
    // No offset index: it would be written with the footer, on the main thread.
    void file.parquet.write({
      columnData: columns.map((c, i) => ({
        name: c.name,
        data: data[i]!,
        type: c.type,
        offsetIndex: false,
      })),
      rowGroupSize: pending,
    });
    data = columns.map(() => []);
    pending = 0;
  };

  return {
    get rows() {
      return count;
    },
    add(row) {
      for (let i = 0; i < columns.length; i++) data[i]!.push(columns[i]!.value(row));
      count++;
      if (++pending >= GROUP_ROWS) writeGroup();
    },
    take(): EncodedChunk {
      writeGroup();
      if (!file) return { bytes: new Uint8Array(0), rows: 0 };
      const { writer, parquet } = file;
      const groups = parquet.row_groups;
      for (const group of groups) moveRowGroup(group, BigInt(-MAGIC_BYTES));
      // A buffer of its own, at its length: it is moved to the main thread.
      const bytes = new Uint8Array(writer.buffer.slice(MAGIC_BYTES, writer.index));
      const chunk = { bytes, rows: count, meta: groups };
      idle.push(writer);
      file = null;
      count = 0;
      return chunk;
    },
  };
}
