// The processors on a few records, for a preview before publishing (the back office shows the
// first rows of a file as the processors leave them).

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { IssueLog } from '../issue-log.ts';
import type { LineIssue } from '../types.ts';
import type { PipelineOptions } from './pipeline.ts';
import { compile } from './pipeline.ts';

export interface ProcessorsPreview {
  fields: Field[];
  /** The records kept, as the processors leave them. */
  rows: Row[];
  /** The line of each kept record. */
  lines: number[];
  issues: LineIssue[];
  skipped: number;
}

/**
 * Applies the processors to copies of `rows` (of `fields`); `lines` names them in issues (by
 * default the lines of a file with a header: 2, 3…). Throws DG_ERR_PROCESSOR_INVALID.
 */
export function previewProcessors(
  configs: readonly ProcessorConfig[],
  fields: readonly Field[],
  rows: readonly Row[],
  lines: readonly number[] = rows.map((_, i) => i + 2),
  options: PipelineOptions = {},
): ProcessorsPreview {
  const pipeline = compile(configs, fields, options);
  const log = new IssueLog();
  const kept: Row[] = [];
  const keptLines: number[] = [];
  rows.forEach((row, i) => {
    const line = lines[i] ?? i + 2;
    const out = pipeline.apply([...row], line, log);
    if (out !== null) {
      kept.push(out);
      keptLines.push(line);
    }
  });
  return {
    fields: pipeline.fields,
    rows: kept,
    lines: keptLines,
    issues: log.result().issues,
    skipped: pipeline.skipped,
  };
}
