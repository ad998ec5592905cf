// The shapes of the CSV ingestion API (re-exported by index.ts).

import type { Field } from '../core/field.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface CsvOptions {
  /** A forced delimiter; otherwise detected among ';' ',' '\t' '|'. */
  separator?: string;
  /** Default 'auto': UTF-8 when the sample is valid UTF-8, else Windows-1252. */
  encoding?: 'auto' | TextEncoding;
  /** Rows read to infer the field types (default 10000). */
  sampleRows?: number;
  /** A known schema (matched by position) that replaces inference. */
  fields?: Field[];
}

export interface CsvLayout {
  delimiter: string;
  encoding: TextEncoding;
  bom: boolean;
  fields: Field[];
  sampleRowCount: number;
}

/** A problem found on one line; `line` is the 1-based physical line number in the file. */
export interface LineIssue {
  line: number;
  field?: string;
  reason: string;
}

export interface CsvReadResult {
  /** Rows delivered to the sink. */
  rows: number;
  /** Rows skipped (wrong number of columns). */
  rejected: number;
  /** The first issues (at most 1000). */
  issues: LineIssue[];
  /** How many issues there were in all. */
  issueCount: number;
}

export interface ReadProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
}
