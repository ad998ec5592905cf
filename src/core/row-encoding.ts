// How an export turns raw rows into bytes where the rows are read (a reader thread, or the main
// thread for engines without one): a pure module named by URL, so that the same formatting code
// runs on every engine and in every thread. Text formats give a row encoder (one row's text);
// binary formats (Parquet) a chunk encoder, which turns a run of rows into one piece of the file.

import type { ColumnPartValues, ColumnParts } from './column-parts.ts';
import type { CsvLines } from './csv-lines.ts';
import type { JoinedRuns } from './joined-runs.ts';
import type { JsonLines } from './json-lines.ts';

/** Turns one raw row (as StorageEngine.query returns it) into its text in the file. */
export type RowEncoder = (row: readonly unknown[]) => string;

/** A row encoder of joined rows (RowEncoding.joined): null when the row must be read unjoined. */
export type JoinedRowEncoder = (row: readonly unknown[]) => string | null;

/** A piece of the file: rows encoded, and what the main thread needs to know to frame it. */
export interface EncodedChunk {
  bytes: Uint8Array;
  /** How many rows it holds. */
  rows: number;
  /** Structured-cloneable facts for the framing (a Parquet row group's metadata). */
  meta?: unknown;
}

/** Gathers rows, then gives them as one chunk. */
export interface ChunkEncoder {
  /** Rows added since the last `take`. */
  readonly rows: number;
  add(row: readonly unknown[]): void;
  /** The chunk of the rows added since the last `take` (its bytes are the caller's to keep). */
  take(): EncodedChunk;
}

/** What a module named in RowEncoding exports: one of the two factories. */
export interface RowEncoderModule {
  /** Imports what the encoder of these options needs (a package imported when used). */
  prepare?(options: never): Promise<void>;
  createRowEncoder?(options: never): RowEncoder | JoinedRowEncoder;
  createChunkEncoder?(options: never): ChunkEncoder;
  /** A range read by columns (RowEncoding.columnParts) as one chunk; null when it cannot be. */
  encodeColumnParts?(options: never, parts: ColumnParts): EncodedChunk | null;
}

export interface RowEncoding {
  /** URL of a module exporting `createRowEncoder(options)` or `createChunkEncoder(options)`. */
  module: string;
  /** Its options, copied to each reader thread (structured-cloneable). */
  options: unknown;
  /** Written between two rows (`,` in a JSON array); between two chunks by the caller. */
  separator: string;
  /** Written after each row (CRLF in CSV). */
  terminator: string;
  /**
   * Rows are encoded one after the other by one encoder, never by ranges on several readers at
   * once: the encoder counts them (an XLSX row carries its number).
   */
  sequential?: boolean;
  /**
   * Runs of text columns the engine may join in SQL before the rows reach the encoder (a
   * SQLite export read by ranges; others ignore it). `options` builds the encoder of such rows:
   * it answers null for a row it cannot write from the joined text, whose range is then read
   * again without joining, with `options`.
   */
  joined?: JoinedRuns & { options: unknown };
  /**
   * The CSV line of each row as cells an engine may write in SQL (a SQLite export read by
   * ranges; others ignore it). A range it cannot write so is encoded as without it.
   */
  csvLines?: CsvLines;
  /** The same for the records of a JSON export (core/json-lines.ts). */
  jsonLines?: JsonLines;
  /**
   * The stored value of each column, for an engine that may read a range by columns (a SQLite
   * export read by ranges; others ignore it) and hand them to the module's encodeColumnParts.
   * A range it cannot read so, or that the module refuses, is encoded as without it.
   */
  columnParts?: ColumnPartValues;
  /**
   * Rows per batch of a streamed export (one chunk each; default STREAM_BATCH_ROWS). Parquet
   * reads a row group's worth.
   */
  batchRows?: number;
}

/**
 * Rows per batch of a streamed export. PostgreSQL's batches are read and encoded on the main
 * thread, whose heap holds them: a 1,000,000-row CSV export peaked at 280 MB with 4,096 rows of 21
 * columns per batch, 227 MB with 1,024, for the same CPU time (docs/performance.md, session 10).
 */
export const STREAM_BATCH_ROWS = 1024;
