// Shared helpers of the ingestion tests: fixture paths, temporary files, reading a whole file.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Row } from '../../src/core/cell.ts';
import type { CsvOptions, CsvReadResult } from '../../src/ingest/index.ts';
import { inspectCsv, readCsv } from '../../src/ingest/index.ts';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
}

const directory = mkdtempSync(join(tmpdir(), 'datagora-ingest-'));
after(() => rmSync(directory, { recursive: true, force: true }));

/** A path in a temporary folder removed after the test file. */
export function tempPath(name: string): string {
  return join(directory, name);
}

/** Writes a file in the temporary folder. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = tempPath(name);
  writeFileSync(path, content);
  return path;
}

export async function readAll(
  path: string,
  options?: CsvOptions,
): Promise<{ rows: Row[]; result: CsvReadResult; batches: number[] }> {
  const layout = await inspectCsv(path, options);
  const rows: Row[] = [];
  const batches: number[] = [];
  const result = await readCsv(path, layout, (batch) => {
    batches.push(batch.length);
    rows.push(...batch);
  });
  return { rows, result, batches };
}
