// readCsv: streams a file described by inspectCsv into typed rows, in batches, with back-pressure.

import { createReadStream } from 'node:fs';

import type { Row } from '../core/cell.ts';
import { detectNewline } from './dialect.ts';
import { createDecoder, InvalidUtf8Error } from './encoding.ts';
import { fileError, fileSize } from './file-access.ts';
import { IssueLog } from './issue-log.ts';
import { RecordSplitter } from './record-splitter.ts';
import { RowBuilder } from './row-builder.ts';
import type { CsvLayout, CsvReadResult, ReadProgress } from './types.ts';
import { unreadable } from './unreadable.ts';

const BATCH_SIZE = 1000;
// The file is read 256 KiB at a time but decoded and parsed 64 KiB at a time: here, strings
// decoded from 64 KiB were several times faster to make than from 256 KiB or more.
const READ_BYTES = 256 * 1024;
const PARSE_BYTES = 64 * 1024;

/** Receives rows in batches, with the line number of each row. */
export type RowSink = (rows: Row[], lines: number[]) => void | Promise<void>;

/** Hands full batches to the sink (and the last, partial one when `all`), awaiting each. */
async function flush(builder: RowBuilder, sink: RowSink, all: boolean): Promise<void> {
  if (builder.batch.length < BATCH_SIZE && !all) return;
  const rows = builder.take();
  const lines = builder.takeLines();
  let start = 0;
  for (; rows.length - start >= BATCH_SIZE || (all && start < rows.length); start += BATCH_SIZE) {
    const end = start + BATCH_SIZE;
    const pending = sink(rows.slice(start, end), lines.slice(start, end));
    if (pending) await pending;
  }
  if (start < rows.length) {
    builder.batch = rows.slice(start);
    builder.batchLines = lines.slice(start);
  }
}

/**
 * Reads every record after the header, converts it with the layout's fields and hands rows to
 * the sink in batches of about 1000 (with their line numbers), waiting when the sink returns a
 * promise.
 * Throws DG_ERR_IMPORT_UNREADABLE when the file cannot be read to the end.
 */
export async function readCsv(
  path: string,
  layout: CsvLayout,
  sink: RowSink,
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
