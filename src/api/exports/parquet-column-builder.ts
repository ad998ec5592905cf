// What the Parquet parts encoder (parquet-parts.ts) asks of each column while it walks a range's
// entries: one builder per column gathers that column's PLAIN values and their statistics.

import type { GeospatialStatistics, Statistics } from 'hyparquet';

/** hyparquet-writer writes a double column's NaN count (none here) with its statistics. */
export type ChunkStatistics = Statistics & { nan_count?: bigint };

/** A column's values being gathered: each kind adds one value from its entry. */
export interface ColumnBuilder {
  /** Adds the value of entry [start, end) of `entries`; false when it cannot be written. */
  add(entries: string, start: number, end: number): boolean;
  /** The PLAIN bytes of the values added. */
  plain(): Uint8Array;
  statistics(nulls: number): ChunkStatistics;
  /** The buffer the values were written in, free for the next range once the page is written. */
  spare?(): Uint8Array;
  geospatial?(): GeospatialStatistics | undefined;
}

/** Where the next text starts in the range's blob of texts (shared by its text columns). */
export interface TextCursor {
  bytes: Uint8Array;
  from: number;
}
