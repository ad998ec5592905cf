// The one place the back office's imports read a source file, whatever its format (detected from
// its first bytes, then the name it came with): the preview before anything is published, and
// each import of the source as a new version, through the source's processors.

import type { Row } from '../core/cell.ts';
import type { Field } from '../core/field.ts';
import type { SourceOptions } from '../core/import-job.ts';
import type { ProcessorConfig } from '../core/processors.ts';
import type { SchemaEdits } from '../core/schema-edits.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { ImportObserver, ImportReport } from './import-file.ts';
import { importFile } from './import-file.ts';
import { previewFile } from './preview-file.ts';

export interface SourceFileImport {
  datasetId: string;
  path: string;
  /** The name the file came with (an upload's, or the URL's last segment), for detection. */
  fileName?: string;
  options: SourceOptions;
  createdBy: string | null;
  /** Applied to every record, in order (the source's stored processors). */
  processors?: ProcessorConfig[];
  /** Time zone of the processors' dates (see processorsTimeZone). */
  timeZone?: string;
}

/**
 * The time zone the processors of a dataset's imports read wall-clock dates in: the dataset's
 * own (its `timezone` metadata) when it has a valid one, else UTC.
 */
export async function processorsTimeZone(
  engine: StorageEngine,
  datasetId: string,
): Promise<string | undefined> {
  const zone = (await engine.metadata.getDataset(datasetId))?.metas.timezone;
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Loads the file as a new version of an existing dataset (see importFile). */
export async function importSourceFile(
  engine: StorageEngine,
  request: SourceFileImport,
  observer: ImportObserver = {},
): Promise<ImportReport> {
  return importFile(
    engine,
    {
      datasetId: request.datasetId,
      path: request.path,
      fileName: request.fileName,
      separator: request.options.separator,
      createdBy: request.createdBy,
      processors: request.processors,
      processorsTimeZone: request.timeZone,
    },
    observer,
  );
}

export interface SourcePreview {
  fields: Field[];
  /** The first records, typed as they would be loaded. */
  rows: Row[];
}

/**
 * The inferred schema and the first `limit` records, reading no further than needed; with the
 * dataset's schema `edits`, the types and lists they set apply, as at an import.
 */
export async function previewSourceFile(
  path: string,
  options: SourceOptions & { fileName?: string; edits?: SchemaEdits | null },
  limit = 20,
): Promise<SourcePreview> {
  const preview = await previewFile(path, {
    separator: options.separator,
    fileName: options.fileName,
    rows: limit,
    edits: options.edits,
  });
  return { fields: preview.layout.fields, rows: preview.rows };
}
