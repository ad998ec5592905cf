// The messages between readCsvInWorker and its reading thread (read-worker.ts).

import type { ErrorCode, ErrorParams } from '../core/errors.ts';
import type { PackedRows } from './row-packing.ts';
import type { CsvLayout, CsvReadResult, ReadProgress } from './types.ts';

export interface ReadWorkerData {
  path: string;
  layout: CsvLayout;
}

/** Batches posted and not yet written: bounds the memory of rows waiting (1,000 rows each). */
export const MAX_BATCHES_AHEAD = 4;

/** From the reading thread. The writer answers each `rows` message with any message. */
export type ReadWorkerMessage =
  | { type: 'rows'; packed: PackedRows; lines: Float64Array }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; result: CsvReadResult }
  | { type: 'failed'; message: string; code?: ErrorCode; params?: ErrorParams };
