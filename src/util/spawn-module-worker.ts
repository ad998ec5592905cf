// Spawns a worker thread running an ES module, TypeScript included: the module is bundled into
// JavaScript first (bundle-module.ts), so the thread needs no TypeScript loader.

import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

import { bundledModuleUrl } from './bundle-module.ts';

/**
 * Starts `entry` (a module URL) in a new worker thread. The module reads `data` from
 * `workerData.data`.
 */
export async function spawnModuleWorker(
  entry: URL,
  data: unknown,
  resourceLimits?: ResourceLimits,
): Promise<Worker> {
  const url = new URL(await bundledModuleUrl(entry.href));
  return new Worker(url, { workerData: { data }, ...(resourceLimits ? { resourceLimits } : {}) });
}
