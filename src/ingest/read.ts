// readCsv: streams a file described by inspectCsv into typed rows, in batches, with back-pressure.

import { createReadStream } from 'node:fs';

import type { Row } from '../core/cell.ts';
import { converterFor, INVALID, INVALID_REASONS } from './converters.ts';
import { detectNewline } from './dialect.ts';
import { createDecoder, InvalidUtf8Error } from './encoding.ts';
import { fileError, fileSize } from './file-access.ts';
import { IssueLog } from './issue-log.ts';
import type { RecordBatch } from './record-splitter.ts';
import { RecordSplitter } from './record-splitter.ts';
import type { CsvLayout, CsvReadResult, ReadProgress } from './types.ts';
import { unreadable } from './unreadable.ts';

const BATCH_SIZE = 1000;
// The file is read 256 KiB at a time but decoded and parsed 64 KiB at a time: here, strings
// decoded from 64 KiB were several times faster to make than from 256 KiB or more.
const READ_BYTES = 256 * 1024;
const PARSE_BYTES = 64 * 1024;

type Sink = (rows: Row[]) => void | Promise<void>;

/** Turns raw records into rows for the sink, logging what does not fit. */
class RowBuilder {
  private readonly converters;
  private readonly names;
  private readonly reasons;
  private readonly width;
  private headerSeen = false;
  batch: Row[] = [];
  rows = 0;
  rejected = 0;

  constructor(
    layout: CsvLayout,
    private readonly issues: IssueLog,
  ) {
    this.converters = layout.fields.map(converterFor);
    this.names = layout.fields.map((field) => field.name);
    this.reasons = layout.fields.map((field) => INVALID_REASONS[field.type]);
    this.width = layout.fields.length;
  }

  /** Converts the records (the first one of the file is the header) into rows. */
  add({ records, lines, malformed }: RecordBatch): void {
    const { converters, width, issues } = this;
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
        issues.add(
          lines[i] as number,
          undefined,
          flagged?.has(i) ? `${reason} (malformed quotes)` : reason,
        );
        continue;
      }
      if (flagged?.has(i)) issues.add(lines[i] as number, undefined, 'malformed quotes');
      const row = new Array<unknown>(width);
      for (let j = 0; j < width; j++) {
        const value = (converters[j] as (text: string) => unknown)(cells[j] as string);
        if (value === INVALID) {
          row[j] = null;
          const text = cells[j] as string;
          const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
          issues.add(lines[i] as number, this.names[j], `"${shown}" is ${this.reasons[j]}`);
        } else {
          row[j] = value;
        }
      }
      this.batch.push(row);
      this.rows++;
    }
  }

  take(): Row[] {
    const batch = this.batch;
    this.batch = [];
    return batch;
  }
}

async function flush(builder: RowBuilder, sink: Sink, all: boolean): Promise<void> {
  while (builder.batch.length >= BATCH_SIZE || (all && builder.batch.length > 0)) {
    const rows =
      builder.batch.length > BATCH_SIZE ? builder.batch.splice(0, BATCH_SIZE) : builder.take();
    const pending = sink(rows);
    if (pending) await pending;
  }
}

/**
 * Reads every record after the header, converts it with the layout's fields and hands rows to
 * the sink in batches of about 1000, waiting when the sink returns a promise.
 * Throws DG_ERR_IMPORT_UNREADABLE when the file cannot be read to the end.
 */
export async function readCsv(
  path: string,
  layout: CsvLayout,
  sink: Sink,
  onProgress?: (progress: ReadProgress) => void,
): Promise<CsvReadResult> {
  const totalBytes = await fileSize(path);
  const issues = new IssueLog();
  const builder = new RowBuilder(layout, issues);
  const decoder = createDecoder(layout.encoding);
  let splitter: RecordSplitter | undefined;
  let bytesRead = 0;
  const stream = createReadStream(path, { highWaterMark: READ_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      for (let start = 0; start < chunk.length; start += PARSE_BYTES) {
        let text = decodeChunk(decoder, chunk.subarray(start, start + PARSE_BYTES), splitter);
        if (splitter === undefined) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          splitter = new RecordSplitter(layout.delimiter, detectNewline(text));
        }
        builder.add(splitter.push(text));
        await flush(builder, sink, false);
      }
      onProgress?.({ rows: builder.rows, bytesRead, totalBytes });
    }
    if (splitter) {
      builder.add(splitter.push(decodeChunk(decoder, undefined, splitter)));
      builder.add(splitter.end());
    }
    await flush(builder, sink, true);
  } catch (error) {
    if (error instanceof Error && 'syscall' in error) throw fileError(path, error);
    throw error;
  } finally {
    stream.destroy();
  }
  onProgress?.({ rows: builder.rows, bytesRead, totalBytes });
  return { rows: builder.rows, rejected: builder.rejected, ...issues.result() };
}

function decodeChunk(
  decoder: ReturnType<typeof createDecoder>,
  chunk: Buffer | undefined,
  splitter: RecordSplitter | undefined,
): string {
  try {
    return chunk ? decoder.write(chunk) : decoder.end();
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    const line = splitter ? splitter.pendingLine + splitter.pendingNewlines : 1;
    throw unreadable(
      `line ${line + error.newlinesBefore} is not valid UTF-8, although the file began as UTF-8. ` +
        'Save the whole file in one encoding (UTF-8) and import it again.',
    );
  }
}
