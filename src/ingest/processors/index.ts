// The import processors (docs/processors.md): compile a list of configurations against the
// fields of a file, then apply the result to each record.

export { compile, type Pipeline, type PipelineOptions } from './pipeline.ts';
export type { IssueSink } from './schema.ts';
export { compileDatePattern } from './date-pattern.ts';
export { adminIndex, divisionOfInsee, divisionOfPostalCode, foldName } from './admin-divisions.ts';
export { previewProcessors, type ProcessorsPreview } from './preview.ts';
export { processImport, type ProcessedImport } from './import-hook.ts';
