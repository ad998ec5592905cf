// How many serving processes `npm start` runs when DATAGORA_PROCESSES is not set: one per core
// the process may use (a Node process runs its JavaScript on one core), at most four. Past four,
// each worker's ~210 MB (its reader threads, its result cache) grows faster than what the
// SQLite file's one writer and the shared reader threads can use (docs/deploy.md).

import { availableParallelism } from 'node:os';

export const MAX_DEFAULT_PROCESSES = 4;

export function defaultProcesses(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_DEFAULT_PROCESSES, Math.floor(cores)));
}
