// Publishing a CSV file as a new version of a dataset: inspect, load beside the current
// version, then switch in one transaction. Any failure aborts the new version and leaves
// the current one serving, untouched.

import { basename } from 'node:path';

import type { DatasetVersion, DefaultMetas, Visibility } from '../core/dataset.ts';
import { emptyMetas, isValidDatasetId } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { Field } from '../core/field.ts';
import type { ProcessorConfig } from '../core/processors.ts';
import { applySchemaEdits, fieldPositions, isIdentity } from '../core/schema-edits.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { FormatName } from './formats/index.ts';
import { importFormat } from './formats/index.ts';
import type { LineIssue, ReadProgress } from './index.ts';
import { processImport } from './processors/import-hook.ts';

export interface CsvImportRequest {
  datasetId: string;
  path: string;
  /** The file's format (default CSV; importFile detects it). */
  format?: FormatName;
  /** The name the file came with (an upload's), for detection; default `path`. */
  fileName?: string;
  /** Title of a new dataset (or a new title for an existing one). */
  title?: string;
  /** Metadata of a new dataset; an existing dataset keeps its own. */
  metas?: DefaultMetas;
  separator?: string;
  /** A known schema, by column position, instead of inference. */
  fields?: Field[];
  /**
   * Public (`domain`) or restricted, set before the new version is loaded (so a restricted
   * dataset is never readable by all); absent, a new dataset is public and an existing one keeps
   * its visibility.
   */
  visibility?: Visibility;
  /** The user who starts the import (recorded on the version), null for the portal itself. */
  createdBy?: string | null;
  /** Processors applied to every record, in order (docs/processors.md). */
  processors?: ProcessorConfig[];
  /** Time zone of dates in the processors' conditions and expressions (default UTC). */
  processorsTimeZone?: string;
}

export interface CsvImportReport {
  version: DatasetVersion;
  format: FormatName;
  rows: number;
  rejected: number;
  issues: LineIssue[];
  issueCount: number;
  /** Records the processors dropped (skip, deduplicate). */
  skipped: number;
}

export type ImportPhase = 'reading' | 'indexing';

export interface ImportObserver {
  onProgress?(progress: ReadProgress): void;
  onPhase?(phase: ImportPhase): void;
}

async function ensureDataset(engine: StorageEngine, request: CsvImportRequest): Promise<void> {
  const existing = await engine.metadata.getDataset(request.datasetId);
  if (!existing) {
    const metas = request.metas ?? emptyMetas(request.title ?? request.datasetId);
    if (request.title) metas.title = request.title;
    await engine.metadata.saveDataset({
      id: request.datasetId,
      metas,
      visibility: request.visibility,
    });
  } else if (
    (request.title && request.title !== existing.metas.title) ||
    (request.visibility && request.visibility !== existing.visibility)
  ) {
    await engine.metadata.saveDataset({
      id: request.datasetId,
      metas: request.title ? { ...existing.metas, title: request.title } : existing.metas,
      visibility: request.visibility,
    });
  }
}

export async function importCsvFile(
  engine: StorageEngine,
  request: CsvImportRequest,
  observer: ImportObserver = {},
): Promise<CsvImportReport> {
  if (!isValidDatasetId(request.datasetId)) {
    throw new PortalError('DG_ERR_INVALID_DATASET_ID', { dataset_id: request.datasetId });
  }
  const format = importFormat(request.format ?? 'csv');
  const inspected = await format.inspect(request.path, {
    separator: request.separator,
    fields: request.fields,
  });
  // The schema editor's edits (docs/backoffice.md): types and lists before the processors, as
  // the reader converts the file's values; labels, descriptions and annotations after them.
  const edits = await engine.schemas.getEdits(request.datasetId);
  const layout =
    edits === null
      ? inspected
      : { ...inspected, fields: applySchemaEdits(inspected.fields, edits, true) };
  const processing = processImport(request.processors, layout.fields, {
    timeZone: request.processorsTimeZone,
  });
  // The order the editor set, applied last: the written records follow it (columns are read by
  // name, so nothing else depends on where a field is).
  const written = applySchemaEdits(processing.fields, edits, false);
  const positions = fieldPositions(written, edits?.order);
  const reorder = isIdentity(positions) ? null : positions;
  await ensureDataset(engine, request);
  const writer = await engine.beginVersion({
    datasetId: request.datasetId,
    fields: reorder === null ? written : reorder.map((i) => written[i]!),
    source: basename(request.fileName ?? request.path),
    createdBy: request.createdBy ?? null,
  });
  try {
    observer.onPhase?.('reading');
    const read = await format.read(
      request.path,
      layout,
      processing.sink(
        reorder === null
          ? (rows) => writer.append(rows)
          : (rows) => writer.append(rows.map((row) => reorder.map((i) => row[i] ?? null))),
      ),
      observer.onProgress,
    );
    const result = processing.report(read);
    if (result.rows === 0 && result.rejected > 0) {
      throw new PortalError('DG_ERR_IMPORT_UNREADABLE', {
        detail: `none of the ${result.rejected} ${format.position}s could be read (first issue: ${format.position} ${result.issues[0]?.line}, ${result.issues[0]?.reason})`,
      });
    }
    observer.onPhase?.('indexing');
    const version = await writer.commit();
    return { version, format: format.name, ...result };
  } catch (error) {
    await writer.abort(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
