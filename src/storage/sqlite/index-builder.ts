// Builds a loaded version's B-tree indexes on a thread of its own. A CREATE INDEX over a million
// records takes seconds, and better-sqlite3 runs it to its end: on the serving thread, every
// request would wait that long. The builder's connection holds the write lock meanwhile, so a
// write of the serving thread would wait for it there (busy_timeout), as long: the background
// writes (audience counters, an import's heartbeat) are deferred until the builds end
// (`deferWrites`), and reads go on beside it (WAL).

import { once } from 'node:events';
import { availableParallelism } from 'node:os';

import { spawnModuleWorker } from '../../util/spawn-module-worker.ts';

const ENTRY = new URL('./index-worker.ts', import.meta.url);
/** How long the builder waits for the write lock (the serving thread's writes are short). */
const BUILDER_BUSY_TIMEOUT_MS = 60_000;

export interface IndexWorkerData {
  path: string;
  sqls: string[];
  busyTimeoutMs: number;
  threads: number;
}

type Reply = { ok: true } | { ok: false; message: string };

/** The index builds of one engine: runs them, and tells when none runs. */
export class IndexBuilds {
  private readonly running = new Set<Promise<void>>();

  /** Runs `sqls` in order on a new connection to the file at `path`, in a worker thread. */
  async build(path: string, sqls: string[]): Promise<void> {
    if (sqls.length === 0) return;
    const run = buildInWorker(path, sqls);
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
  }

  /** Whether a build runs now. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves once no build runs (at once when none does). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

async function buildInWorker(path: string, sqls: string[]): Promise<void> {
  const data: IndexWorkerData = {
    path,
    sqls,
    busyTimeoutMs: BUILDER_BUSY_TIMEOUT_MS,
    threads: Math.min(4, availableParallelism()),
  };
  const worker = await spawnModuleWorker(ENTRY, data);
  const exited = once(worker, 'exit');
  const reply = await Promise.race([
    once(worker, 'message').then(([message]) => message as Reply),
    exited.then(([code]) => ({ ok: false, message: `the thread stopped (exit code ${code})` })),
  ]);
  await exited;
  if (!reply.ok) throw new Error(`the indexes could not be built: ${reply.message}`);
}

/**
 * The store with the named methods (background writes) waiting for the index builds to end
 * when one runs as they are called (else they run at once); its other methods are its own.
 */
export function deferWrites<T extends object>(
  store: T,
  methods: readonly (keyof T & string)[],
  builds: IndexBuilds,
): T {
  const deferred = Object.create(store) as Record<string, unknown>;
  for (const name of methods) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    deferred[name] = (...args: unknown[]) =>
      builds.busy ? builds.idle().then(() => method.apply(store, args)) : method.apply(store, args);
  }
  return deferred as T;
}
