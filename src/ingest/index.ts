// CSV ingestion: inspect a file (encoding, delimiter, fields), then stream it as typed rows.

export type {
  CsvLayout,
  CsvOptions,
  CsvReadResult,
  LineIssue,
  ReadProgress,
  TextEncoding,
} from './types.ts';
export { inspectCsv } from './inspect.ts';
export { readCsv } from './read.ts';
export { fieldNameFromLabel } from './field-name.ts';
