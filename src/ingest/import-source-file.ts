// The one place the back office's imports read a source file: a CSV today, any format once
// `importFile` (the readers of the other formats) lands — switching is a change here only.

import type { Row } from '../core/cell.ts';
import type { Field } from '../core/field.ts';
import type { SourceOptions } from '../core/import-job.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { CsvImportReport, ImportObserver } from './import-csv-file.ts';
import { importCsvFile } from './import-csv-file.ts';
import { inspectCsv, readCsv } from './index.ts';

export interface SourceFileImport {
  datasetId: string;
  path: string;
  options: SourceOptions;
  createdBy: string | null;
}

/** Loads the file as a new version of an existing dataset (see importCsvFile). */
export async function importSourceFile(
  engine: StorageEngine,
  request: SourceFileImport,
  observer: ImportObserver = {},
): Promise<CsvImportReport> {
  return importCsvFile(
    engine,
    {
      datasetId: request.datasetId,
      path: request.path,
      separator: request.options.separator,
      createdBy: request.createdBy,
    },
    observer,
  );
}

export interface SourcePreview {
  fields: Field[];
  /** The first records, typed as they would be loaded. */
  rows: Row[];
  /** The separator found (or forced). */
  separator: string;
}

const STOP = Symbol('enough rows');

/** The inferred schema and the first `limit` records, reading no further than needed. */
export async function previewSourceFile(
  path: string,
  options: SourceOptions,
  limit = 20,
): Promise<SourcePreview> {
  const layout = await inspectCsv(path, { separator: options.separator });
  const rows: Row[] = [];
  try {
    await readCsv(path, layout, (batch) => {
      rows.push(...batch.slice(0, limit - rows.length));
      if (rows.length >= limit) throw STOP;
    });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return { fields: layout.fields, rows, separator: layout.delimiter };
}
