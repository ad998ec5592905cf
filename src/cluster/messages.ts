// The messages the serving processes and their primary exchange over node:cluster's channel,
// tagged so they never mix with node's own or anyone else's.

import type { DayCount, DayHashes } from '../analytics/visitor-tally.ts';
import type { ChangeTopic } from '../storage/engine.ts';

export const TAG = 'datagora';

export type Topic = Exclude<ChangeTopic, 'reset'>;

/** From a worker: a change to relay, a relayed change heard, a question about visitors. */
export type ToPrimary =
  | { tag: typeof TAG; kind: 'change'; id: number; topic: Topic }
  | { tag: typeof TAG; kind: 'heard'; id: number }
  | { tag: typeof TAG; kind: 'salt'; id: number; day: string }
  | { tag: typeof TAG; kind: 'visitors'; id: number; batches: DayHashes[] };

/** From the primary: another worker's change (to acknowledge), or the answer to a question. */
export type ToWorker =
  | { tag: typeof TAG; kind: 'change'; id: number; topic: Topic }
  | { tag: typeof TAG; kind: 'answer'; id: number; value: string | DayCount[] | null };

export function isOurs<T extends { tag: string }>(message: unknown): message is T {
  return (
    typeof message === 'object' && message !== null && (message as { tag?: unknown }).tag === TAG
  );
}
