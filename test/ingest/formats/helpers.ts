// Helpers of the format tests: fixture paths and reading a whole file through a format.

import { fileURLToPath } from 'node:url';

import type { Row } from '../../../src/core/cell.ts';
import type {
  FileLayout,
  FormatName,
  InspectOptions,
  ReadResult,
} from '../../../src/ingest/formats/index.ts';
import { detectFormat, importFormat } from '../../../src/ingest/formats/index.ts';

export function formatFixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url));
}

export interface ReadAll {
  format: FormatName;
  layout: FileLayout;
  rows: Row[];
  result: ReadResult;
  /** name:type of each field. */
  types: string[];
}

/** Detects (unless `format` is given), inspects and reads the whole file. */
export async function readFile(
  path: string,
  options: InspectOptions = {},
  format?: FormatName,
): Promise<ReadAll> {
  const name = format ?? (await detectFormat(path));
  const reader = importFormat(name);
  const layout = await reader.inspect(path, options);
  const rows: Row[] = [];
  const result = await reader.read(path, layout, (batch) => {
    rows.push(...batch);
  });
  const types = layout.fields.map((field) => `${field.name}:${field.type}`);
  return { format: name, layout, rows, result, types };
}
