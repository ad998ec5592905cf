// The CSV export's row encoder (a RowEncoding module, run in the reader threads): one record's
// line, without its CRLF. With `joined`, runs of its text columns come joined by the delimiter
// (RowEncoding.joined): a run is written as it is when none of its cells needs quoting.

import type { JoinedRuns } from '../../core/joined-runs.ts';
import { joinedPosition } from '../../core/joined-runs.ts';
import type { JoinedRowEncoder, RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { quoter } from './csv.ts';
import { csvCellFormatter } from './csv-values.ts';
import { prepareReprojection, reprojection } from './epsg.ts';

export interface CsvRowOptions {
  columns: OutputColumn[];
  timezone: string;
  delimiter: string;
  listSeparator: string;
  quoteAll: boolean;
  /** The EPSG code geometry cells are written in; WGS 84 when absent. */
  epsg?: number;
  /** Rows come with these runs joined (a one-character delimiter, no quote_all). */
  joined?: JoinedRuns;
}

export const CSV_ROW_MODULE = import.meta.url;

type Cell = (row: readonly unknown[]) => string | null;

/**
 * The cells of a run, joined by the delimiter. A text with exactly the run's delimiters and
 * nothing to quote is the run's CSV text; one with the right number of pieces is split and
 * each piece quoted where needed; one with more holds a cell with the delimiter in it, which the
 * joined text cannot tell apart: null.
 */
function runCell(
  position: number,
  length: number,
  delimiter: string,
  quote: (text: string) => string,
): Cell {
  const d = delimiter.replace(/[\\\]^-]/g, '\\$&');
  const plain = `[^${d}"\\r\\n]*`;
  const clean = new RegExp(`^${plain}(?:[${d}]${plain}){${length - 1}}$`);
  return (row) => {
    const text = row[position];
    if (typeof text !== 'string') return null;
    if (clean.test(text)) return text;
    const cells = text.split(delimiter);
    return cells.length === length ? cells.map(quote).join(delimiter) : null;
  };
}

function joinedEncoder(options: CsvRowOptions, joined: JoinedRuns): JoinedRowEncoder {
  const { delimiter, columns } = options;
  const quote = quoter(delimiter, false);
  const project = options.epsg ? reprojection(options.epsg) : undefined;
  const starts = new Map(joined.runs.map((run) => [run[0]!, run]));
  const cells: Cell[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const run = starts.get(column.positions[0]!);
    if (run) {
      const at = joinedPosition(joined.runs, run[0]!);
      cells.push(runCell(at, run.length, delimiter, quote));
      // The run's other columns are in its text.
      i += run.length - 1;
      continue;
    }
    const moved = {
      ...column,
      positions: column.positions.map((p) => joinedPosition(joined.runs, p)),
    };
    const cell = csvCellFormatter(moved, options.timezone, options.listSeparator, project);
    cells.push((row) => quote(cell(row)));
  }
  const [first, ...rest] = cells;
  if (!first) return () => '';
  return (row) => {
    let line = first(row);
    if (line === null) return null;
    for (const cell of rest) {
      const text = cell(row);
      if (text === null) return null;
      line += delimiter + text;
    }
    return line;
  };
}

/** Imports proj4 in this thread when the rows are reprojected (RowEncoderModule.prepare). */
export function prepare(options: CsvRowOptions): Promise<void> {
  return prepareReprojection(options.epsg);
}

export function createRowEncoder(options: CsvRowOptions): RowEncoder | JoinedRowEncoder {
  if (options.joined) return joinedEncoder(options, options.joined);
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
