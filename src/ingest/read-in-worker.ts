// readCsv on a second thread: the file is parsed and typed there while this thread writes the
// rows, which reach it packed (row-packing.ts). The result, issues and errors are readCsv's own.

import { on } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { PortalError } from '../core/errors.ts';
import { spawnModuleWorker } from '../util/spawn-module-worker.ts';
import type { ReadWorkerData, ReadWorkerMessage } from './read-protocol.ts';
import type { RowSink } from './read.ts';
import { unpackRows } from './row-packing.ts';
import type { CsvLayout, CsvReadResult, ReadProgress } from './types.ts';

const ENTRY = new URL('./read-worker.ts', import.meta.url);
/**
 * The reading thread's young generation capped at 12 MB (V8 lets it grow to 48 MB between
 * collections, which the short-lived strings of the rows fill).
 */
const LIMITS = { maxYoungGenerationSizeMb: 12 };

/** Same contract as readCsv (rows with their line numbers); the sink runs on this thread. */
export async function readCsvInWorker(
  path: string,
  layout: CsvLayout,
  sink: RowSink,
  onProgress?: (progress: ReadProgress) => void,
): Promise<CsvReadResult> {
  const data: ReadWorkerData = { path, layout };
  const worker = await spawnModuleWorker(ENTRY, data, LIMITS);
  const stopped = new AbortController();
  let exitCode: number | undefined;
  worker.once('exit', (code) => {
    exitCode = code;
    stopped.abort();
  });
  try {
    for await (const [message] of on(worker, 'message', { signal: stopped.signal })) {
      const received = message as ReadWorkerMessage;
      switch (received.type) {
        case 'rows': {
          const pending = sink(unpackRows(received.packed), Array.from(received.lines));
          if (pending) await pending;
          // A turn of the event loop per batch: the port would otherwise hand over the next
          // batches (posted while this one was written) in the same turn, again and again, and
          // timers and requests would wait for the end of the file.
          await yieldToEventLoop();
          worker.postMessage(null);
          break;
        }
        case 'progress':
          onProgress?.(received.progress);
          break;
        case 'done':
          return received.result;
        case 'failed':
          throw received.code
            ? new PortalError(received.code, received.params)
            : new Error(received.message);
      }
    }
  } catch (error) {
    if (!stopped.signal.aborted || exitCode === undefined) throw error;
  } finally {
    if (exitCode === undefined) await worker.terminate();
  }
  throw new Error(`the CSV reading thread stopped (exit code ${exitCode}) before the end`);
}
