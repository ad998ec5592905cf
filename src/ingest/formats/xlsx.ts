// XLSX: the first worksheet, streamed by exceljs's WorkbookReader. Its first non-empty row
// names the fields; numbers, booleans and dates keep their types.

import { unreadable } from '../unreadable.ts';
import { countedFile } from './byte-counter.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import { cellValue, headerLabels, isBlankRow } from './sheet-cells.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';

interface SheetRow {
  number: number;
  /** 1-based, sparse (exceljs's shape). */
  values: unknown[];
}

interface Sheet extends AsyncIterable<SheetRow> {
  name?: string;
}

const READER_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache',
  worksheets: 'emit',
  hyperlinks: 'ignore',
  entries: 'emit',
} as const;

async function* firstSheetRows(
  reader: AsyncIterable<unknown>,
  onSheet: (name: string) => void,
): AsyncGenerator<SheetRow> {
  for await (const sheet of reader as AsyncIterable<Sheet>) {
    onSheet(sheet.name ?? '');
    for await (const row of sheet) yield row;
    return;
  }
}

async function openXlsx(path: string): Promise<RecordSource> {
  // Loaded when first needed: exceljs adds about 25 MB to a process that never reads XLSX.
  const { default: ExcelJS } = await import('exceljs');
  const file = await countedFile(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.stream, READER_OPTIONS as never);
  const details: Record<string, string> = {};
  const rows = firstSheetRows(reader as unknown as AsyncIterable<unknown>, (name) => {
    details['sheet'] = name;
  });
  let labels: string[] = [];
  try {
    for (;;) {
      const next = await rows.next();
      if (next.done) throw unreadable('the first worksheet is empty.');
      const cells = next.value.values.slice(1);
      if (isBlankRow(cells)) continue;
      labels = headerLabels(cells);
      break;
    }
  } catch (error) {
    file.stream.destroy();
    if (error instanceof Error && error.name === 'PortalError') throw error;
    throw unreadable(
      `the file is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}).`,
      error,
    );
  }
  const width = labels.length;
  async function* records(): AsyncIterable<SourceRecord> {
    for await (const row of rows) {
      const cells = row.values.slice(1);
      if (isBlankRow(cells)) continue;
      const values = Array.from({ length: width }, (_, i) => cellValue(cells[i]));
      const beyond = cells.slice(width).some((cell) => cellValue(cell) !== null);
      yield beyond
        ? {
            values,
            position: row.number,
            note: `values beyond the ${width} named columns are left out`,
          }
        : { values, position: row.number };
    }
  }
  return {
    labels,
    details,
    records: records(),
    progress: file.progress,
    close: async () => {
      await rows.return(undefined);
      file.stream.destroy();
    },
  };
}

export const XLSX_FORMAT: ImportFormat = {
  name: 'xlsx',
  position: 'row',
  inspect: (path, options) => inspectSource('xlsx', () => openXlsx(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openXlsx(path), layout, sink, onProgress),
};
