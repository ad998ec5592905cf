// Processors in an import: the file's fields go through compile(), the rows through the
// pipeline between the reader and the version writer. Independent of the file format: any
// reader that hands rows with their line (or record) numbers can use it.

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { IssueLog, MAX_KEPT_ISSUES } from '../issue-log.ts';
import type { CsvReadResult } from '../types.ts';
import type { PipelineOptions } from './pipeline.ts';
import { compile } from './pipeline.ts';

type Sink = (rows: Row[], lines: number[]) => void | Promise<void>;

export interface ProcessedImport {
  /** The fields of the new version: the file's, as the processors leave them. */
  fields: Field[];
  /** The sink to give the reader: applies the processors, then hands the rows to `next`. */
  sink(next: (rows: Row[]) => void | Promise<void>): Sink;
  /** The reader's result with the processors' issues merged and dropped records counted. */
  report<T extends CsvReadResult>(result: T): T & { skipped: number };
}

/** Compiles the processors for the file's fields (throws DG_ERR_PROCESSOR_INVALID). */
export function processImport(
  processors: readonly ProcessorConfig[] | undefined,
  fileFields: Field[],
  options: PipelineOptions = {},
): ProcessedImport {
  if (!processors || processors.length === 0) {
    return {
      fields: fileFields,
      sink: (next) => (rows) => next(rows),
      report: (result) => ({ ...result, skipped: 0 }),
    };
  }
  const pipeline = compile(processors, fileFields, options);
  const issues = new IssueLog();
  return {
    fields: pipeline.fields,
    sink: (next) => (rows, lines) => {
      const out: Row[] = [];
      for (let i = 0; i < rows.length; i++) {
        const row = pipeline.apply(rows[i] as Row, lines[i] ?? 0, issues);
        if (row !== null) out.push(row);
      }
      return out.length > 0 ? next(out) : undefined;
    },
    report: (result) => {
      const own = issues.result();
      const merged = [...result.issues, ...own.issues]
        .sort((a, b) => a.line - b.line)
        .slice(0, MAX_KEPT_ISSUES);
      return {
        ...result,
        rows: result.rows - pipeline.skipped,
        issues: merged,
        issueCount: result.issueCount + own.issueCount,
        skipped: pipeline.skipped,
      };
    },
  };
}
