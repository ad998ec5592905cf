// The Parquet export: row groups encoded where the rows are read (parquet-chunk.ts: a reader
// thread per range, or this thread for engines without readers; parquet-parts.ts where SQLite
// reads a range by columns), written here between the file's head ('PAR1') and its footer (the
// schema and every row group's metadata, their offsets moved to where each group landed in the
// file). Memory stays flat: this thread never holds a row, only the metadata of the groups
// written so far.

import type { RowGroup } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';

import type { ColumnPartValues } from '../../core/column-parts.ts';
import type { EncodedChunk } from '../../core/row-encoding.ts';
import type { StoredValue } from '../../core/stored-values.ts';
import type { RecordsExport } from '../../records/index.ts';
import type { ParquetChunkOptions } from './parquet-chunk.ts';
import { GROUP_ROWS, PARQUET_CHUNK_MODULE, moveRowGroup } from './parquet-chunk.ts';
import { parquetColumn, parquetSchema } from './parquet-columns.ts';
import { storedValueOf } from './stored-values.ts';
import type { EncodedBody } from './text-body.ts';

function bytesOf(writer: ByteWriter): Buffer {
  return Buffer.from(writer.getBuffer());
}

async function* parquetFile(
  writer: ByteWriter,
  parquet: ParquetWriter,
  chunks: AsyncIterable<EncodedChunk>,
): AsyncIterable<Buffer> {
  let offset = BigInt(writer.offset);
  yield bytesOf(writer);
  for await (const { bytes, meta } of chunks) {
    for (const group of meta as RowGroup[]) {
      moveRowGroup(group, offset);
      parquet.row_groups.push(group);
      parquet.num_rows += group.num_rows;
    }
    offset += BigInt(bytes.byteLength);
    yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  writer.index = 0;
  writer.offset = Number(offset);
  await parquet.finish();
  yield bytesOf(writer);
}

/** Every column's stored value, when SQL may read them all by columns (parquet-parts.ts). */
function columnPartsOf(data: RecordsExport): ColumnPartValues | undefined {
  const values = data.columns.map((column) => storedValueOf(column, data.timezone));
  return values.length > 0 && values.every((v) => v !== null)
    ? (values as StoredValue[])
    : undefined;
}

export function parquetBody(data: RecordsExport): EncodedBody {
  const options: ParquetChunkOptions = { columns: data.columns, timezone: data.timezone };
  const schema = parquetSchema(data.columns.map((c) => parquetColumn(c, data.timezone)));
  const columnParts = columnPartsOf(data);
  return {
    encoding: {
      module: PARQUET_CHUNK_MODULE,
      options,
      separator: '',
      terminator: '',
      ...(columnParts ? { columnParts } : {}),
      // A streamed batch is one row group.
      batchRows: GROUP_ROWS,
    },
    frame: (chunks) => {
      // Writes the head now; the footer once every group is written.
      const writer = new ByteWriter();
      const parquet = new ParquetWriter({ writer, schema, createdBy: 'datagora' });
      return parquetFile(writer, parquet, chunks);
    },
  };
}
