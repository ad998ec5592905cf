// Importing a file of any supported format (CSV, TSV, XLSX, XLS, JSON, JSON Lines, GeoJSON,
// zipped shapefile, Parquet) as a new version of a dataset. The flow lives in
// import-csv-file.ts, which CSV imports have always used; this is its format-neutral name.

import type { StorageEngine } from '../storage/engine.ts';
import { detectFormat } from './formats/index.ts';
import type { CsvImportReport, CsvImportRequest, ImportObserver } from './import-csv-file.ts';
import { importCsvFile } from './import-csv-file.ts';

export type ImportRequest = CsvImportRequest;
export type ImportReport = CsvImportReport;
export type { ImportObserver, ImportPhase } from './import-csv-file.ts';

/**
 * Inspects the file (format detected when `request.format` is absent), loads it beside the
 * current version and switches in one transaction; a failure loads nothing and leaves the
 * current version serving.
 */
export async function importFile(
  engine: StorageEngine,
  request: ImportRequest,
  observer: ImportObserver = {},
): Promise<ImportReport> {
  const format = request.format ?? (await detectFormat(request.path, request.fileName));
  return importCsvFile(engine, { ...request, format }, observer);
}
