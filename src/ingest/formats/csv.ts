// CSV and TSV: the CSV reader of ../read.ts, behind the common format interface.

import { inspectCsv } from '../inspect.ts';
import { readCsv } from '../read.ts';
import { unreadable } from '../unreadable.ts';
import type { ImportFormat } from './types.ts';

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
    read(path, layout, sink, onProgress) {
      if (!layout.csv) throw unreadable('the layout is not that of a CSV file.');
      return readCsv(path, { ...layout.csv, fields: layout.fields }, sink, onProgress);
    },
  };
}

export const CSV_FORMAT = delimited('csv');
export const TSV_FORMAT = delimited('tsv', '\t');
