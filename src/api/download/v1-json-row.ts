// The download's JSON row encoder (a RowEncoding module, run in the reader threads): one API v1
// record object.

import type { RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { v1Record } from '../v1/v1-record.ts';

export interface V1JsonRowOptions {
  datasetId: string;
  columns: OutputColumn[];
  recordIdPosition: number | undefined;
  timezone: string;
  /** The version's commit time, as every record's `record_timestamp`. */
  recordTimestamp: string;
}

export const V1_JSON_ROW_MODULE = import.meta.url;

export function createRowEncoder(options: V1JsonRowOptions): RowEncoder {
  const { datasetId, columns, recordIdPosition, timezone, recordTimestamp } = options;
  return (row) =>
    JSON.stringify(v1Record(datasetId, row, columns, recordIdPosition, timezone, recordTimestamp));
}
