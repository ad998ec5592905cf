// Spawns a worker thread running an ES module, TypeScript included (through worker-boot.mjs).

import { Worker } from 'node:worker_threads';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Starts `entry` (a module URL) in a new worker thread. The module reads `data` from
 * `workerData.data`.
 */
export function spawnModuleWorker(entry: URL, data: unknown): Worker {
  return new Worker(BOOT, { workerData: { entry: entry.href, data } });
}
