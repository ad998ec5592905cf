// JSON Lines: one JSON object per line; a line that is not JSON is skipped and reported,
// blank lines are ignored.

import { createInterface } from 'node:readline';

import { countedFile } from './byte-counter.ts';
import { unwrapOdsRecord } from './ods-record.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';

function parseLine(text: string, position: number): SourceRecord {
  try {
    return { values: unwrapOdsRecord(JSON.parse(text) as unknown), position };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { values: null, position, error: `not JSON (${reason})` };
  }
}

async function openJsonLines(path: string): Promise<RecordSource> {
  const file = await countedFile(path);
  const lines = createInterface({ input: file.stream, crlfDelay: Infinity });
  async function* records(): AsyncIterable<SourceRecord> {
    let position = 0;
    for await (const line of lines) {
      position++;
      const text = position === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') continue;
      yield parseLine(text, position);
    }
  }
  return {
    records: records(),
    progress: file.progress,
    close: async () => {
      lines.close();
      file.stream.destroy();
    },
  };
}

export const JSONL_FORMAT: ImportFormat = {
  name: 'jsonl',
  position: 'line',
  inspect: (path, options) => inspectSource('jsonl', () => openJsonLines(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openJsonLines(path), layout, sink, onProgress),
};
