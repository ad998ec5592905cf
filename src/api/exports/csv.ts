// The CSV export: ODS's dialect (`;` by default, CRLF, quotes only where needed unless
// quote_all, optional UTF-8 BOM, field names or labels in the header).

import type { RecordsExport } from '../../records/index.ts';
import type { CsvRowOptions } from './csv-row.ts';
import { CSV_ROW_MODULE } from './csv-row.ts';
import { csvLinesOf } from './csv-lines.ts';
import type { Reprojection } from './epsg.ts';
import type { TextBody } from './text-body.ts';
import { plainTextRuns } from './text-runs.ts';

export interface CsvOptions {
  delimiter: string;
  listSeparator: string;
  quoteAll: boolean;
  withBom: boolean;
  useLabels: boolean;
  /** `epsg`: the system of geometry cells (WGS 84 when absent). */
  reprojection?: Reprojection;
}

export const CSV_DELIMITERS = [';', ',', '\t', '|'];

export function quoter(delimiter: string, quoteAll: boolean): (text: string) => string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  if (quoteAll) return quote;
  if (delimiter.length !== 1) {
    return (text) => (text.includes(delimiter) || /["\n\r]/.test(text) ? quote(text) : text);
  }
  // One regular expression test per cell: the delimiter, escaped where a class needs it.
  const special = new RegExp(`[${delimiter.replace(/[\\\]^-]/g, '\\$&')}"\n\r]`);
  return (text) => (special.test(text) ? quote(text) : text);
}

/** The header cell of each column: its field's label with use_labels, else its key. */
export function headerOf(data: RecordsExport, useLabels: boolean): string[] {
  const labels = new Map(data.fields.map((f) => [f.name, f.label]));
  return data.columns.map((c) => (useLabels ? (labels.get(c.key) ?? c.key) : c.key));
}

export function csvText(data: RecordsExport, options: CsvOptions): TextBody {
  const quote = quoter(options.delimiter, options.quoteAll);
  const header = headerOf(data, options.useLabels).map(quote).join(options.delimiter);
  const rowOptions: CsvRowOptions = {
    columns: data.columns,
    timezone: data.timezone,
    delimiter: options.delimiter,
    listSeparator: options.listSeparator,
    quoteAll: options.quoteAll,
    ...(options.reprojection && !options.reprojection.identity
      ? { epsg: options.reprojection.epsg }
      : {}),
  };
  // Quoted cells (quote_all) and longer delimiters are written cell by cell.
  const runs =
    options.quoteAll || options.delimiter.length !== 1 ? [] : plainTextRuns(data.columns);
  const joined =
    runs.length === 0
      ? {}
      : {
          joined: {
            runs,
            separator: options.delimiter,
            options: { ...rowOptions, joined: { runs, separator: options.delimiter } },
          },
        };
  const csvLines = csvLinesOf(data.columns, {
    delimiter: options.delimiter,
    listSeparator: options.listSeparator,
    quoteAll: options.quoteAll,
    timezone: data.timezone,
    reprojected: rowOptions.epsg !== undefined,
  });
  return {
    head: `${options.withBom ? '\ufeff' : ''}${header}\r\n`,
    encoding: {
      module: CSV_ROW_MODULE,
      options: rowOptions,
      separator: '',
      terminator: '\r\n',
      ...joined,
      ...(csvLines ? { csvLines } : {}),
    },
    tail: '',
  };
}
