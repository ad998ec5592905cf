// An allocator setting given to the serving processes node:cluster forks. Their reader threads
// hand each export chunk (hundreds of KB to a few MB) to the main thread, which frees it.
// glibc's malloc raises its mmap threshold to the size of the first such block freed, so the
// later ones come from the reader's arena, which keeps the freed space until its top is free.
// A fixed threshold maps and unmaps each such block: a whole export peaks 10 to 20 MB lower, for
// the same CPU time (docs/performance.md, session 10). glibc reads it only when a process starts: this process can set it for the
// ones it forks, not for itself (docs/deploy.md sets it for a single process). Other C
// libraries ignore it.

import type { Environment } from './load.ts';

/** glibc's default threshold, 128 KiB, kept fixed instead of rising. */
const MMAP_THRESHOLD_BYTES = 128 * 1024;

/** What the workers' environment gets: nothing the operator already decided. */
export function workerAllocatorEnvironment(env: Environment): Record<string, string> {
  const tunables = env['GLIBC_TUNABLES'] ?? '';
  if (env['MALLOC_MMAP_THRESHOLD_'] !== undefined || tunables.includes('mmap_threshold')) {
    return {};
  }
  return { MALLOC_MMAP_THRESHOLD_: String(MMAP_THRESHOLD_BYTES) };
}
