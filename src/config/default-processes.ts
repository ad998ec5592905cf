// How many serving processes `npm start` runs when DATAGORA_PROCESSES is not set: one per core
// the process may use (a Node process runs its JavaScript on one core), at most four: each one
// takes about 210 MB (its reader threads, its result cache), more than a plain `npm start` should
// take unasked on a large server (docs/deploy.md, "Several processes on one machine").

import { availableParallelism } from 'node:os';

export const MAX_DEFAULT_PROCESSES = 4;

export function defaultProcesses(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_DEFAULT_PROCESSES, Math.floor(cores)));
}
