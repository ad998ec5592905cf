// Old binary Excel workbooks (.xls): parsed by SheetJS in a worker thread (see xls-worker.ts
// for why), rows posted back in batches. A .xls holds at most 65,536 rows, so the worker
// parses the whole workbook at once, within a memory cap.

import type { Worker } from 'node:worker_threads';

import { spawnModuleWorker } from '../../util/spawn-module-worker.ts';
import { fileSize } from '../file-access.ts';
import { unreadable } from '../unreadable.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import { headerLabels, isBlankRow } from './sheet-cells.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';
import type { XlsMessage } from './xls-messages.ts';
import { plainCell } from './xls-messages.ts';

const WORKER = new URL('./xls-worker.ts', import.meta.url);
const LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };
/** A crafted file can make SheetJS loop for long (CVE-2024-22363): the worker is stopped. */
const TIME_LIMIT_MS = 5 * 60 * 1000;

interface ParsedRows {
  sheet: string;
  rows: { position: number; cells: unknown[] }[];
}

/** Runs the worker to its end and gathers its rows (an .xls is small by construction). */
async function parseInWorker(path: string): Promise<ParsedRows> {
  await fileSize(path);
  const worker: Worker = await spawnModuleWorker(WORKER, { path }, LIMITS);
  const rows: ParsedRows['rows'] = [];
  try {
    return await new Promise<ParsedRows>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(unreadable('the XLS workbook took too long to parse; save it as XLSX or CSV.')),
        TIME_LIMIT_MS,
      );
      timer.unref();
      worker.on('exit', () => clearTimeout(timer));
      worker.on('message', (message: XlsMessage) => {
        if (message.kind === 'rows') rows.push(...message.rows);
        else if (message.kind === 'end') resolve({ sheet: String(message.sheet), rows });
        else reject(unreadable(`the file is not a readable XLS workbook (${message.message}).`));
      });
      worker.on('error', (error) =>
        reject(unreadable(`the XLS workbook could not be parsed (${error.message}).`, error)),
      );
      worker.on('exit', (code) =>
        reject(unreadable(`the XLS reader stopped (exit code ${code}) before the end.`)),
      );
    });
  } finally {
    await worker.terminate();
  }
}

async function openXls(path: string): Promise<RecordSource> {
  const totalBytes = await fileSize(path);
  const parsed = await parseInWorker(path);
  const body = parsed.rows.map((row) => ({
    position: row.position,
    cells: row.cells.map(plainCell),
  }));
  const headerIndex = body.findIndex((row) => !isBlankRow(row.cells));
  if (headerIndex === -1) throw unreadable('the first worksheet is empty.');
  const labels = headerLabels(body[headerIndex]?.cells ?? []);
  const width = labels.length;
  let done = 0;
  async function* records(): AsyncIterable<SourceRecord> {
    for (const row of body.slice(headerIndex + 1)) {
      done++;
      if (isBlankRow(row.cells)) continue;
      const beyond = row.cells.slice(width).some((cell) => cell !== null && cell !== '');
      const values = row.cells.slice(0, width);
      yield beyond
        ? {
            values,
            position: row.position,
            note: `values beyond the ${width} named columns are left out`,
          }
        : { values, position: row.position };
    }
  }
  const count = Math.max(body.length - headerIndex - 1, 1);
  return {
    labels,
    details: { sheet: parsed.sheet },
    records: records(),
    progress: () => ({ bytesRead: Math.round((totalBytes * done) / count), totalBytes }),
    close: async () => {},
  };
}

export const XLS_FORMAT: ImportFormat = {
  name: 'xls',
  position: 'row',
  inspect: (path, options) => inspectSource('xls', () => openXls(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openXls(path), layout, sink, onProgress),
};
