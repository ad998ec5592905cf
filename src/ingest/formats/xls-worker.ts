// The worker thread that parses an old binary .xls workbook with SheetJS (`xlsx` 0.18.5).
// That version has a known prototype-pollution flaw on crafted files (CVE-2023-30533) and no
// fixed release on npm, so it runs here, in a thread of its own: its own heap and globals
// (a polluted Object.prototype stays in this thread), a memory cap, and only plain values
// (strings, numbers, booleans, dates, null) posted back, which the main thread checks again.

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

import XLSX from 'xlsx';

import type { XlsMessage } from './xls-messages.ts';

const BATCH = 1000;
/** Days between 1899-12-30 (Excel's day 0 in the 1900 system) and 1970-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;

function post(message: XlsMessage): void {
  parentPort?.postMessage(message);
}

function run(path: string): void {
  const workbook = XLSX.read(readFileSync(path), {
    type: 'buffer',
    cellNF: true,
    cellDates: false,
  });
  const sheetName = workbook.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : workbook.Sheets[sheetName];
  if (!sheet || !sheet['!ref']) {
    post({ kind: 'end', sheet: sheetName ?? '' });
    return;
  }
  const epoch = workbook.Workbook?.WBProps?.date1904 ? EPOCH_1904 : EPOCH_1900;
  const range = XLSX.utils.decode_range(sheet['!ref']);
  let batch: { position: number; cells: unknown[] }[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: unknown[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.t === 'e' || cell.t === 'z') cells.push(null);
      else if (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
        cells.push(new Date(Math.round(((cell.v as number) - epoch) * 86400000)));
      } else if (cell.t === 'd' && cell.v instanceof Date) cells.push(cell.v);
      else cells.push(cell.v);
    }
    batch.push({ position: r + 1, cells });
    if (batch.length >= BATCH) {
      post({ kind: 'rows', rows: batch });
      batch = [];
    }
  }
  if (batch.length > 0) post({ kind: 'rows', rows: batch });
  post({ kind: 'end', sheet: sheetName ?? '' });
}

try {
  run((workerData as { data: { path: string } }).data.path);
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
}
