// Turns raw records into typed rows, skipping and logging what does not fit the layout.

import type { Row } from '../core/cell.ts';
import type { Converter } from './converters.ts';
import { converterFor, INVALID, INVALID_REASONS } from './converters.ts';
import type { IssueLog } from './issue-log.ts';
import type { RecordBatch } from './record-splitter.ts';
import type { CsvLayout } from './types.ts';

function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export class RowBuilder {
  /** One converter per field; undefined for plain text, which is kept as it is. */
  private readonly converters: (Converter | undefined)[];
  private readonly names: string[];
  private readonly reasons: string[];
  private readonly width: number;
  private headerSeen = false;
  /** Rows built and not yet taken. */
  batch: Row[] = [];
  /** The line number of each row of the batch. */
  batchLines: number[] = [];
  rows = 0;
  rejected = 0;

  constructor(
    layout: CsvLayout,
    private readonly issues: IssueLog,
  ) {
    const plain = (type: string, multivalued: unknown) => type === 'text' && !multivalued;
    this.converters = layout.fields.map((field) =>
      plain(field.type, field.annotations['multivalued']) ? undefined : converterFor(field),
    );
    this.names = layout.fields.map((field) => field.name);
    this.reasons = layout.fields.map((field) => INVALID_REASONS[field.type]);
    this.width = layout.fields.length;
  }

  /** Converts the records (the first one of the file is the header). */
  add({ records, lines, malformed }: RecordBatch): void {
    const { converters, width, issues, batch } = this;
    const flagged = malformed.length > 0 ? new Set(malformed) : undefined;
    for (let i = 0; i < records.length; i++) {
      const cells = records[i] as string[];
      if (!this.headerSeen) {
        this.headerSeen = true;
        continue;
      }
      if (cells.length !== width) {
        if (cells.length === 1 && cells[0] === '') continue;
        this.rejected++;
        const reason = `expected ${width} columns, found ${cells.length}`;
        const quotes = flagged?.has(i) ? ' (malformed quotes)' : '';
        issues.add(lines[i] as number, undefined, reason + quotes);
        continue;
      }
      if (flagged?.has(i)) issues.add(lines[i] as number, undefined, 'malformed quotes');
      // Converted in place: the parser's array of cells becomes the row (one allocation less
      // per record; the splitter keeps no reference to it).
      const row = cells as unknown[];
      for (let j = 0; j < width; j++) {
        const text = cells[j] as string;
        const convert = converters[j];
        if (text === '') {
          row[j] = null;
        } else if (convert === undefined) {
          row[j] = text;
        } else {
          const value = convert(text);
          if (value !== INVALID) {
            row[j] = value;
          } else {
            row[j] = null;
            const reason = `"${shown(text)}" is ${this.reasons[j]}`;
            issues.add(lines[i] as number, this.names[j], reason);
          }
        }
      }
      batch.push(row);
      this.batchLines.push(lines[i] as number);
      this.rows++;
    }
  }

  take(): Row[] {
    const batch = this.batch;
    this.batch = [];
    return batch;
  }

  takeLines(): number[] {
    const lines = this.batchLines;
    this.batchLines = [];
    return lines;
  }
}
