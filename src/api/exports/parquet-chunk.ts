// The Parquet export's chunk encoder (a RowEncoding module, run in the reader threads): the rows
// of a range become one row group, encoded here by hyparquet-writer; only its bytes and its
// metadata (offsets counted from the group's first byte) go to the main thread, which writes
// the file's head and footer (parquet.ts).

import type { RowGroup } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';

import type { ChunkEncoder, EncodedChunk } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import type { ParquetColumn } from './parquet-columns.ts';
import { parquetColumn, parquetSchema } from './parquet-columns.ts';

export interface ParquetChunkOptions {
  columns: OutputColumn[];
  timezone: string;
}

export const PARQUET_CHUNK_MODULE = import.meta.url;

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
 * One writer per thread, reused by every group (encoding a group is synchronous): it grows to
 * the size of the largest group and stays there, instead of growing afresh for each.
 */
let shared: ByteWriter | null = null;

export function createChunkEncoder(options: ParquetChunkOptions): ChunkEncoder {
  const columns: ParquetColumn[] = options.columns.map((c) => parquetColumn(c, options.timezone));
  const schema = parquetSchema(columns);
  let data: unknown[][] = columns.map(() => []);
  let count = 0;
  return {
    get rows() {
      return count;
    },
    add(row) {
      for (let i = 0; i < columns.length; i++) data[i]!.push(columns[i]!.value(row));
      count++;
    },
    take(): EncodedChunk {
      if (count === 0) return { bytes: new Uint8Array(0), rows: 0 };
      const writer = (shared ??= new ByteWriter(1 << 20));
      writer.index = 0;
      writer.offset = 0;
      const parquet = new ParquetWriter({ writer, schema, createdBy: 'datagora' });
      // No offset index: it would be written with the footer, on the main thread.
      void parquet.write({
        columnData: columns.map((c, i) => ({
          name: c.name,
          data: data[i]!,
          type: c.type,
          offsetIndex: false,
        })),
        rowGroupSize: count,
      });
      const group = parquet.row_groups[0]!;
      moveRowGroup(group, BigInt(-MAGIC_BYTES));
      // A buffer of its own, at its length: it is moved to the main thread.
      const bytes = new Uint8Array(writer.buffer.slice(MAGIC_BYTES, writer.index));
      const chunk = { bytes, rows: count, meta: group };
      data = columns.map(() => []);
      count = 0;
      return chunk;
    },
  };
}
