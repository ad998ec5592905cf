// Which CSV exports an engine may write line by line in SQL (RowEncoding.csvLines): every column
// one SQL writes as csvCellFormatter does (stored-values.ts), in the default dialect (no
// quote_all, a one-character delimiter, no reprojection). Other exports, and the ranges an
// engine cannot write (core/csv-lines.ts), are encoded row by row.

import type { CsvLineCell, CsvLines } from '../../core/csv-lines.ts';
import { CSV_LINE_DELIMITERS } from '../../core/csv-lines.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { storedValueOf } from './stored-values.ts';

export interface CsvLineOptions {
  delimiter: string;
  listSeparator: string;
  quoteAll: boolean;
  timezone: string;
  /** Geometry cells are reprojected (an `epsg` other than WGS 84). */
  reprojected: boolean;
}

/** The lines of an export as SQL may write them, or undefined when it may not. */
export function csvLinesOf(
  columns: readonly OutputColumn[],
  options: CsvLineOptions,
): CsvLines | undefined {
  const { delimiter, listSeparator } = options;
  if (options.quoteAll || options.reprojected || !CSV_LINE_DELIMITERS.includes(delimiter)) {
    return undefined;
  }
  // A list separator that needs quoting would make every list a quoted cell.
  if ([delimiter, '"', '\r', '\n'].some((c) => listSeparator.includes(c))) return undefined;
  const cells: CsvLineCell[] = [];
  for (const column of columns) {
    const cell = storedValueOf(column, options.timezone);
    if (!cell) return undefined;
    cells.push(cell);
  }
  return cells.length === 0 ? undefined : { delimiter, listSeparator, cells };
}
