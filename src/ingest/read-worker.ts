// The reading thread of readCsvInWorker: parses and types the file with readCsv and posts each
// batch packed (row-packing.ts), at most MAX_BATCHES_AHEAD batches ahead of the writer.

import { parentPort, workerData } from 'node:worker_threads';

import { isPortalError } from '../core/errors.ts';
import { readCsv } from './read.ts';
import type { ReadWorkerData, ReadWorkerMessage } from './read-protocol.ts';
import { MAX_BATCHES_AHEAD } from './read-protocol.ts';
import { fieldPackings, packRows } from './row-packing.ts';

const port = parentPort!;
const { path, layout } = (workerData as { data: ReadWorkerData }).data;
const packings = fieldPackings(layout.fields);

let credits = MAX_BATCHES_AHEAD;
let resume: (() => void) | null = null;
port.on('message', () => {
  // Each message is the writer's receipt of one batch.
  credits++;
  resume?.();
  resume = null;
});

const post = (message: ReadWorkerMessage, transfer?: ArrayBuffer[]) =>
  port.postMessage(message, transfer);

try {
  const result = await readCsv(
    path,
    layout,
    async (rows, lines) => {
      const packed = packRows(rows, packings);
      const lineNumbers = Float64Array.from(lines);
      post({ type: 'rows', packed, lines: lineNumbers }, [
        packed.kinds.buffer as ArrayBuffer,
        packed.lengths.buffer as ArrayBuffer,
        packed.numbers.buffer as ArrayBuffer,
        lineNumbers.buffer,
      ]);
      if (--credits <= 0) await new Promise<void>((resolve) => (resume = resolve));
    },
    (progress) => post({ type: 'progress', progress }),
  );
  post({ type: 'done', result });
} catch (error) {
  post(
    isPortalError(error)
      ? { type: 'failed', code: error.code, params: error.params, message: error.message }
      : { type: 'failed', message: error instanceof Error ? error.message : String(error) },
  );
}
