// Splits CSV text, fed in chunks, into records of raw cells with their physical line numbers.
// Papaparse's low-level parser does the splitting (its fast path when a chunk has no quote);
// this class keeps the unfinished last record for the next chunk and counts lines.

import Papa from 'papaparse';

import { unreadable } from './unreadable.ts';

interface LowLevelResult {
  data: string[][];
  errors: { row: number; code: string }[];
  meta: { cursor: number };
}

interface LowLevelParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): LowLevelResult;
}

type LowLevelParserClass = new (config: {
  delimiter: string;
  newline: string;
  quoteChar: string;
}) => LowLevelParser;

const Parser = (Papa as unknown as { Parser: LowLevelParserClass }).Parser;

/** A record longer than this means a quote was never closed. */
const MAX_RECORD_LENGTH = 32 * 1024 * 1024;

export interface RecordBatch {
  /** Raw cells, quotes removed. */
  records: string[][];
  /** The 1-based physical line on which each record starts. */
  lines: number[];
  /** The indexes (in `records`) of records with malformed quotes. */
  malformed: number[];
}

function countChar(text: string, char: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && i < end; i = text.indexOf(char, i + 1)) count++;
  return count;
}

export class RecordSplitter {
  private readonly parser: LowLevelParser;
  private pending = '';
  private nextLine = 1;

  constructor(
    delimiter: string,
    private readonly newline: '\n' | '\r',
  ) {
    this.parser = new Parser({ delimiter, newline, quoteChar: '"' });
  }

  /** Adds text and returns the records it completes. */
  push(text: string): RecordBatch {
    const input = this.pending === '' ? text : this.pending + text;
    const result = this.parser.parse(input, 0, true);
    const cursor = result.meta.cursor;
    this.pending = input.slice(cursor);
    if (this.pending.length > MAX_RECORD_LENGTH) {
      throw unreadable(`the quoted value opened on line ${this.nextLine} is never closed.`);
    }
    // Without a quote, no value holds a line break: one line per record.
    const records = result.data.length;
    const newlines = input.indexOf('"') === -1 ? records : countChar(input, this.newline, cursor);
    return this.batch(result, newlines, records);
  }

  /** Returns the last record, which may not end with a line break. */
  end(): RecordBatch {
    const input = this.pending;
    this.pending = '';
    const result = this.parser.parse(input, 0, false);
    const newlines = countChar(input, this.newline, input.length);
    const terminated = input.endsWith(this.newline) ? 0 : 1;
    return this.batch(result, newlines, result.data.length - terminated);
  }

  /** The physical line at which the text not yet returned as records starts. */
  get pendingLine(): number {
    return this.nextLine;
  }

  /** The line breaks in the text not yet returned as records. */
  get pendingNewlines(): number {
    return countChar(this.pending, this.newline, this.pending.length);
  }

  private batch(result: LowLevelResult, newlines: number, terminators: number): RecordBatch {
    const records = result.data;
    const lines = new Array<number>(records.length);
    if (this.newline === '\n') stripCarriageReturns(records);
    let line = this.nextLine;
    if (newlines === terminators) {
      for (let i = 0; i < records.length; i++) lines[i] = line + i;
      line += newlines;
    } else {
      for (let i = 0; i < records.length; i++) {
        lines[i] = line;
        line += 1;
        for (const cell of records[i] as string[])
          line += countChar(cell, this.newline, cell.length);
      }
    }
    this.nextLine = line;
    const malformed = result.errors.map((error) => error.row).filter((row) => row < records.length);
    return { records, lines, malformed: [...new Set(malformed)] };
  }
}

/** With '\n' as the line break, a CRLF file leaves a '\r' at the end of unquoted last cells. */
function stripCarriageReturns(records: string[][]): void {
  for (const record of records) {
    const last = record.length - 1;
    const cell = record[last] as string;
    if (cell.charCodeAt(cell.length - 1) === 13) record[last] = cell.slice(0, -1);
  }
}
