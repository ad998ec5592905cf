// The CSV export: ODS's dialect (`;` by default, CRLF, quotes only where needed unless
// quote_all, optional UTF-8 BOM, field names or labels in the header).

import type { RecordsExport } from '../../records/index.ts';
import { csvCellFormatter } from './csv-values.ts';
import type { Reprojection } from './epsg.ts';

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
  return (text) => {
    if (
      quoteAll ||
      text.includes(delimiter) ||
      text.includes('"') ||
      text.includes('\n') ||
      text.includes('\r')
    ) {
      return `"${text.replace(/"/g, '""')}"`;
    }
    return text;
  };
}

/** The header cell of each column: its field's label with use_labels, else its key. */
export function headerOf(data: RecordsExport, useLabels: boolean): string[] {
  const labels = new Map(data.fields.map((f) => [f.name, f.label]));
  return data.columns.map((c) => (useLabels ? (labels.get(c.key) ?? c.key) : c.key));
}

export async function* writeCsv(data: RecordsExport, options: CsvOptions): AsyncIterable<string> {
  const quote = quoter(options.delimiter, options.quoteAll);
  const cells = data.columns.map((c) =>
    csvCellFormatter(c, data.timezone, options.listSeparator, options.reprojection),
  );
  const header = headerOf(data, options.useLabels).map(quote).join(options.delimiter);
  yield `${options.withBom ? '\ufeff' : ''}${header}\r\n`;
  for await (const batch of data.rows) {
    let chunk = '';
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        if (i > 0) line += options.delimiter;
        line += quote((cells[i] as (row: readonly unknown[]) => string)(row));
      }
      chunk += `${line}\r\n`;
    }
    yield chunk;
  }
}
