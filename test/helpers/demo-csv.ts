// The demo CSV read independently of the portal's importer, to compute expected answers.

import { readFileSync } from 'node:fs';

import Papa from 'papaparse';

export type DemoRow = Record<string, string>;

let cached: DemoRow[] | undefined;

/** The rows of data/demo/export_alimconfiance.csv, keyed by header label. */
export function demoRows(): DemoRow[] {
  if (!cached) {
    const text = readFileSync(
      new URL('../../data/demo/export_alimconfiance.csv', import.meta.url),
      'utf8',
    );
    const parsed = Papa.parse<DemoRow>(text, {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    cached = parsed.data;
  }
  return cached;
}
