// inspectCsv: encoding, delimiter, header and field types, from the first rows of a file. It
// gives the event loop a turn now and then: a serving process inspects the files it imports.

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type { Field } from '../core/field.ts';
import { detectDelimiter, detectNewline } from './dialect.ts';
import { createDecoder, detectEncoding, InvalidUtf8Error } from './encoding.ts';
import type { EncodingGuess } from './encoding.ts';
import { fieldNamesFromLabels } from './field-name.ts';
import { fileSize, readHead } from './file-access.ts';
import { inferType } from './infer-types.ts';
import { RecordSplitter } from './record-splitter.ts';
import type { CsvLayout, CsvOptions } from './types.ts';
import { unreadable } from './unreadable.ts';

const DEFAULT_SAMPLE_ROWS = 10000;

function guessEncoding(bytes: Buffer, complete: boolean, options: CsvOptions): EncodingGuess {
  const guess = detectEncoding(bytes, complete);
  if (options.encoding === undefined || options.encoding === 'auto') return guess;
  return { encoding: options.encoding, bom: guess.bom && options.encoding === 'utf-8' };
}

const SLICE_BYTES = 64 * 1024;

/** Decodes the head in 64 KiB slices (much faster here than one big string). */
function decodeHead(bytes: Buffer, complete: boolean, guess: EncodingGuess): string[] {
  const decoder = createDecoder(guess.encoding);
  try {
    const pieces: string[] = [];
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      pieces.push(decoder.write(bytes.subarray(start, start + SLICE_BYTES)));
    }
    if (complete) pieces.push(decoder.end());
    if (guess.bom && pieces[0] !== undefined) pieces[0] = pieces[0].slice(1);
    return pieces;
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    throw unreadable(`line ${error.newlinesBefore + 1} is not valid UTF-8.`);
  }
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === '';
}

/** One column at a time, with a turn of the event loop between two (a serving process waits). */
async function inferFields(
  labels: string[],
  rows: string[][],
  delimiter: string,
): Promise<Field[]> {
  const names = fieldNamesFromLabels(labels);
  const fields: Field[] = [];
  for (const [column, label] of labels.entries()) {
    if (column > 0) await yieldToEventLoop();
    fields.push({
      name: names[column] as string,
      label,
      description: null,
      ...inferType(
        rows.map((row) => row[column] as string),
        delimiter,
      ),
    });
  }
  return fields;
}

/** Reads the header and up to `sampleRows` rows to describe the file; throws if unreadable. */
export async function inspectCsv(path: string, options: CsvOptions = {}): Promise<CsvLayout> {
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  if ((await fileSize(path)) === 0) throw unreadable('the file is empty.');
  const { bytes, complete } = await readHead(path, sampleRows + 1);
  const guess = guessEncoding(bytes, complete, options);
  const pieces = decodeHead(bytes, complete, guess);
  const start = pieces.slice(0, 2).join('');
  const delimiter = options.separator ?? detectDelimiter(start, complete && pieces.length <= 2);
  const splitter = new RecordSplitter(delimiter, detectNewline(start));
  const records: string[][] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index > 0 && index % 8 === 0) await yieldToEventLoop();
    for (const record of splitter.push(piece).records) records.push(record);
  }
  if (complete) records.push(...splitter.end().records);
  const [header, ...body] = records;
  if (header === undefined || isBlank(header)) {
    throw unreadable('the first line, which should name the columns, is empty.');
  }
  const labels = header.map((label) => label.trim());
  const rows = body.filter((row) => row.length === labels.length).slice(0, sampleRows);
  if (options.fields && options.fields.length !== labels.length) {
    throw unreadable(
      `the file has ${labels.length} columns but the schema has ${options.fields.length} fields.`,
    );
  }
  return {
    delimiter,
    encoding: guess.encoding,
    bom: guess.bom,
    fields: options.fields ?? (await inferFields(labels, rows, delimiter)),
    sampleRowCount: rows.length,
  };
}
