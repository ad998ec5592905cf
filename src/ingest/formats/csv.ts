// CSV and TSV: the CSV reader of ../read.ts, behind the common format interface.

import { stat } from 'node:fs/promises';

import { inspectCsv } from '../inspect.ts';
import { readCsvInWorker } from '../read-in-worker.ts';
import { readCsv } from '../read.ts';
import { unreadable } from '../unreadable.ts';
import type { ImportFormat } from './types.ts';

/**
 * Files from this size on are parsed on a second thread while the caller's writes (about a
 * quarter of the load's time on one thread); smaller ones are not worth starting a thread for.
 */
export const READ_THREAD_MIN_BYTES = 8 * 1024 * 1024;

function delimited(name: 'csv' | 'tsv', forced?: string): ImportFormat {
  return {
    name,
    position: 'line',
    async inspect(path, options) {
      const csv = await inspectCsv(path, { ...options, separator: forced ?? options.separator });
      return {
        format: name,
        fields: csv.fields,
        sources: csv.fields.map((_, key) => ({ key })),
        sampleRowCount: csv.sampleRowCount,
        csv,
        details: { delimiter: csv.delimiter, encoding: csv.encoding },
      };
    },
    async read(path, layout, sink, onProgress) {
      if (!layout.csv) throw unreadable('the layout is not that of a CSV file.');
      const { size } = await stat(path);
      const reader = size >= READ_THREAD_MIN_BYTES ? readCsvInWorker : readCsv;
      return reader(path, { ...layout.csv, fields: layout.fields }, sink, onProgress);
    },
  };
}

export const CSV_FORMAT = delimited('csv');
export const TSV_FORMAT = delimited('tsv', '\t');
