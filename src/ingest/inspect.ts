// inspectCsv: encoding, delimiter, header and field types, from the first rows of a file.

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

function decodeHead(bytes: Buffer, complete: boolean, guess: EncodingGuess): string {
  const decoder = createDecoder(guess.encoding);
  try {
    const text = decoder.write(bytes) + (complete ? decoder.end() : '');
    return guess.bom ? text.slice(1) : text;
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    throw unreadable(`line ${error.newlinesBefore + 1} is not valid UTF-8.`);
  }
}

function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === '';
}

function inferFields(labels: string[], rows: string[][], delimiter: string): Field[] {
  const names = fieldNamesFromLabels(labels);
  return labels.map((label, column) => ({
    name: names[column] as string,
    label,
    description: null,
    ...inferType(
      rows.map((row) => row[column] as string),
      delimiter,
    ),
  }));
}

/** Reads the header and up to `sampleRows` rows to describe the file; throws if unreadable. */
export async function inspectCsv(path: string, options: CsvOptions = {}): Promise<CsvLayout> {
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  if ((await fileSize(path)) === 0) throw unreadable('the file is empty.');
  const { bytes, complete } = await readHead(path, sampleRows + 1);
  const guess = guessEncoding(bytes, complete, options);
  const text = decodeHead(bytes, complete, guess);
  const delimiter = options.separator ?? detectDelimiter(text, complete);
  const splitter = new RecordSplitter(delimiter, detectNewline(text));
  const records = splitter.push(text).records;
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
    fields: options.fields ?? inferFields(labels, rows, delimiter),
    sampleRowCount: rows.length,
  };
}
