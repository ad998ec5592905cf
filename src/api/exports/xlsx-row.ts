// The XLSX export's row encoder (a RowEncoding module, run in the reader threads, sequential):
// one worksheet row of SpreadsheetML, numbers and booleans as such, other values as the CSV
// export writes them (lists joined with ", "), empty values left out. Rows are numbered from 2:
// the header is row 1 (xlsx.ts).

import type { RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { csvCellFormatter } from './csv-values.ts';

export interface XlsxRowOptions {
  columns: OutputColumn[];
  timezone: string;
}

export const XLSX_ROW_MODULE = import.meta.url;

/** The letters of the `index`-th column (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Characters XML 1.0 cannot hold (left out), and those it escapes. */
// eslint-disable-next-line no-control-regex -- the control characters XML refuses
const XML_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- the same, every occurrence
const XML_SPECIALS = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(XML_SPECIALS, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '',
  );
}

/** A text cell at `ref` (its column letters and row number). */
export function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="str"><v>${xmlText(text)}</v></c>`;
}

/** Writes one column's cell of row `number`, or nothing for an empty value. */
type CellWriter = (row: readonly unknown[], number: number) => string;

function cellWriter(column: OutputColumn, timezone: string, letters: string): CellWriter {
  const position = column.positions[0] ?? 0;
  if (!column.multivalued && (column.type === 'int' || column.type === 'double')) {
    return (row, number) => {
      const raw = row[position];
      return raw == null ? '' : `<c r="${letters}${number}"><v>${Number(raw)}</v></c>`;
    };
  }
  if (column.type === 'boolean') {
    return (row, number) => {
      const raw = row[position];
      if (raw == null) return '';
      return `<c r="${letters}${number}" t="b"><v>${raw === true || raw === 1 ? 1 : 0}</v></c>`;
    };
  }
  const text = csvCellFormatter(column, timezone, ', ');
  return (row, number) => {
    const value = text(row);
    return value === '' ? '' : textCell(`${letters}${number}`, value);
  };
}

export function createRowEncoder(options: XlsxRowOptions): RowEncoder {
  const cells = options.columns.map((c, i) => cellWriter(c, options.timezone, columnLetters(i)));
  let number = 1;
  return (row) => {
    number++;
    let xml = `<row r="${number}">`;
    for (const cell of cells) xml += cell(row, number);
    return `${xml}</row>`;
  };
}
