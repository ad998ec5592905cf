// The catalog as a table for the CSV and XLSX catalog exports: one line per dataset with its main
// metadata, or, with select / group_by, the columns of the query.

import type { CatalogAnswer } from '../../catalog/index.ts';
import type { Dataset } from '../../core/dataset.ts';
import type { CsvOptions } from '../exports/csv.ts';
import { quoter } from '../exports/csv.ts';

export interface CatalogTable {
  header: string[];
  /** Strings, numbers, booleans, lists of strings or null. */
  rows: unknown[][];
}

const DATASET_HEADER = [
  'dataset_id',
  'title',
  'description',
  'theme',
  'keyword',
  'license',
  'language',
  'publisher',
  'modified',
  'data_processed',
  'records_count',
];

function datasetLine(d: Dataset): unknown[] {
  const m = d.metas;
  return [
    d.id,
    m.title,
    m.description,
    m.theme,
    m.keyword,
    m.license,
    m.language,
    m.publisher,
    d.modifiedAt,
    d.dataProcessedAt,
    d.current?.recordsCount ?? 0,
  ];
}

export function catalogTable(answer: CatalogAnswer): CatalogTable {
  if (answer.kind === 'datasets') {
    return { header: DATASET_HEADER, rows: answer.datasets.map(datasetLine) };
  }
  return {
    header: answer.columns,
    rows: answer.results.map((r) => answer.columns.map((key) => r[key] ?? null)),
  };
}

function cellText(value: unknown, listSeparator: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(listSeparator);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function catalogCsv(table: CatalogTable, options: CsvOptions): string {
  const quote = quoter(options.delimiter, options.quoteAll);
  const lines = [table.header, ...table.rows].map((cells) =>
    cells.map((v) => quote(cellText(v, options.listSeparator))).join(options.delimiter),
  );
  return `${options.withBom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** One sheet; numbers and booleans typed, lists joined with `, `. */
export async function catalogXlsx(table: CatalogTable): Promise<Buffer> {
  // Loaded when first needed: exceljs adds about 25 MB to a process that never writes XLSX.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('catalog');
  sheet.addRow(table.header);
  for (const row of table.rows) {
    sheet.addRow(
      row.map((v) =>
        typeof v === 'number' || typeof v === 'boolean' || v === null ? v : cellText(v, ', '),
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
