// The primary's side of what the serving processes share beyond the SQLite file: it forwards a
// worker's change to the others and answers it once those that listen have heard it (so a save
// shows on every worker at its next request), and it keeps the day's one set of visitor hashes.

import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

import { VisitorPool } from '../analytics/visitor-pool.ts';
import type { ToPrimary, ToWorker } from './messages.ts';
import { TAG, isOurs } from './messages.ts';

/** How long a change waits for the other workers to acknowledge it. */
const HEARD_MS = 2_000;

interface Relayed {
  /** The workers that have not acknowledged yet. */
  left: Set<Worker>;
  done: () => void;
}

export function relayBetweenWorkers(pool = new VisitorPool()): void {
  /** Workers that listen: their caches may hold what a change makes stale. */
  const listening = new Set<Worker>();
  const relayed = new Map<number, Relayed>();
  let lastId = 0;

  const answer = (
    worker: Worker,
    id: number,
    value: string | ReturnType<VisitorPool['add']> | null,
  ) => {
    const message: ToWorker = { tag: TAG, kind: 'answer', id, value };
    if (worker.isConnected()) worker.send(message, undefined, () => undefined);
  };
  const acknowledged = (worker: Worker, id: number) => {
    const entry = relayed.get(id);
    if (!entry) return;
    entry.left.delete(worker);
    if (entry.left.size === 0) entry.done();
  };

  const forward = (from: Worker, message: ToPrimary & { kind: 'change' }) => {
    const id = (lastId += 1);
    const others = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined && worker !== from && worker.isConnected(),
    );
    const timer = setTimeout(() => done(), HEARD_MS);
    timer.unref();
    const done = () => {
      if (!relayed.delete(id)) return;
      clearTimeout(timer);
      answer(from, message.id, null);
    };
    relayed.set(id, { left: new Set(others.filter((worker) => listening.has(worker))), done });
    // Every connected worker hears it, a starting one too (it may have read the old value).
    const change: ToWorker = { tag: TAG, kind: 'change', id, topic: message.topic };
    for (const worker of others) worker.send(change, undefined, () => undefined);
    if (relayed.get(id)!.left.size === 0) done();
  };

  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker) => {
    listening.delete(worker);
    for (const id of [...relayed.keys()]) acknowledged(worker, id);
  });
  cluster.on('message', (worker, message: unknown) => {
    if (!isOurs<ToPrimary>(message)) return;
    switch (message.kind) {
      case 'change':
        return forward(worker, message);
      case 'heard':
        return acknowledged(worker, message.id);
      case 'salt':
        return answer(worker, message.id, pool.salt(message.day)?.toString('base64') ?? null);
      case 'visitors':
        return answer(worker, message.id, pool.add(message.batches));
    }
  });
}
