// The JSON exports' row encoder (a RowEncoding module, run in the reader threads): one flat
// record, rendered as /records renders it.

import type { RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { renderRecord } from '../../records/render.ts';

export interface JsonRowOptions {
  columns: OutputColumn[];
  timezone: string;
}

export const JSON_ROW_MODULE = import.meta.url;

export function createRowEncoder(options: JsonRowOptions): RowEncoder {
  const { columns, timezone } = options;
  return (row) => JSON.stringify(renderRecord(row, columns, timezone));
}
