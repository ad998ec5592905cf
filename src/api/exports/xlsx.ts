// The XLSX export: one worksheet, a header row (names or labels), then a row per record, with
// numbers and booleans as such and other values as the CSV export writes them. Written with
// exceljs's streaming writer, so rows go out as they come.

import { PassThrough } from 'node:stream';

import ExcelJS from 'exceljs';

import type { OutputColumn } from '../../odsql/index.ts';
import type { RecordsExport } from '../../records/index.ts';
import { headerOf } from './csv.ts';
import { csvCellFormatter } from './csv-values.ts';

type XlsxCell = string | number | boolean | null;

function cellWriter(column: OutputColumn, timezone: string): (row: readonly unknown[]) => XlsxCell {
  const text = csvCellFormatter(column, timezone, ', ');
  const position = column.positions[0] ?? 0;
  if (!column.multivalued && (column.type === 'int' || column.type === 'double')) {
    return (row) => {
      const raw = row[position];
      return raw == null ? null : Number(raw);
    };
  }
  if (column.type === 'boolean') {
    return (row) => {
      const raw = row[position];
      return raw == null ? null : raw === true || raw === 1;
    };
  }
  return (row) => {
    const value = text(row);
    return value === '' ? null : value;
  };
}

export function writeXlsx(data: RecordsExport, useLabels: boolean): AsyncIterable<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false });
  const sheet = workbook.addWorksheet(data.datasetId.slice(0, 31));
  const cells = data.columns.map((c) => cellWriter(c, data.timezone));
  const fill = async () => {
    sheet.addRow(headerOf(data, useLabels)).commit();
    for await (const batch of data.rows) {
      for (const row of batch) sheet.addRow(cells.map((cell) => cell(row))).commit();
      // Let the archive drain to the client before the next batch.
      if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  };
  fill().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
