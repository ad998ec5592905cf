// The CSV export's row encoder (a RowEncoding module, run in the reader threads): one record's
// line, without its CRLF.

import type { RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { quoter } from './csv.ts';
import { csvCellFormatter } from './csv-values.ts';
import { reprojection } from './epsg.ts';

export interface CsvRowOptions {
  columns: OutputColumn[];
  timezone: string;
  delimiter: string;
  listSeparator: string;
  quoteAll: boolean;
  /** The EPSG code geometry cells are written in; WGS 84 when absent. */
  epsg?: number;
}

export const CSV_ROW_MODULE = import.meta.url;

export function createRowEncoder(options: CsvRowOptions): RowEncoder {
  const quote = quoter(options.delimiter, options.quoteAll);
  const project = options.epsg ? reprojection(options.epsg) : undefined;
  const cells = options.columns.map((c) =>
    csvCellFormatter(c, options.timezone, options.listSeparator, project),
  );
  const delimiter = options.delimiter;
  const [first, ...rest] = cells;
  if (!first) return () => '';
  return (row) => {
    let line = quote(first(row));
    for (const cell of rest) line += delimiter + quote(cell(row));
    return line;
  };
}
