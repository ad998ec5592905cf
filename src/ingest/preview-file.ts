// The preview of a file before anything is published: its format, inferred fields and first
// rows, read as the import would read them (and stopped there).

import type { Row } from '../core/cell.ts';
import type { SchemaEdits } from '../core/schema-edits.ts';
import { applySchemaEdits } from '../core/schema-edits.ts';
import type { FileLayout, FormatName, InspectOptions } from './formats/index.ts';
import { detectFormat, importFormat } from './formats/index.ts';
import type { LineIssue } from './types.ts';

export interface FilePreview {
  format: FormatName;
  layout: FileLayout;
  rows: Row[];
  /** The issues of the previewed rows. */
  issues: LineIssue[];
}

/** Thrown by the preview's sink to stop reading once it has its rows. */
class PreviewFull extends Error {}

export async function previewFile(
  path: string,
  options: InspectOptions & {
    format?: FormatName;
    fileName?: string;
    rows?: number;
    /** The dataset's schema edits: the types and lists they set are read as an import would. */
    edits?: SchemaEdits | null;
  } = {},
): Promise<FilePreview> {
  const format = options.format ?? (await detectFormat(path, options.fileName));
  const reader = importFormat(format);
  const inspected = await reader.inspect(path, options);
  const layout = options.edits
    ? { ...inspected, fields: applySchemaEdits(inspected.fields, options.edits, true) }
    : inspected;
  const wanted = options.rows ?? 20;
  const rows: Row[] = [];
  let issues: LineIssue[] = [];
  try {
    const result = await reader.read(path, layout, (batch) => {
      rows.push(...batch.slice(0, wanted - rows.length));
      if (rows.length >= wanted) throw new PreviewFull();
    });
    issues = result.issues;
  } catch (error) {
    if (!(error instanceof PreviewFull)) throw error;
  }
  return { format, layout, rows, issues };
}
