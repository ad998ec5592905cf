// A pool of reader threads, each with its own read-only connection. A caller leases one worker
// at a time (queued when all are busy). better-sqlite3 cannot interrupt a running statement, so
// a request past its time limit is rejected, and its worker is terminated and replaced: the
// terminated thread's SQLite call runs on until its current step returns, then the thread ends.

import type { Worker } from 'node:worker_threads';

import { PortalError } from '../../core/errors.ts';
import { spawnModuleWorker } from '../../util/spawn-module-worker.ts';
import type { ReaderReply, ReaderRequest, ReaderWorkerData } from './reader-protocol.ts';

const ENTRY = new URL('./reader-worker.ts', import.meta.url);
const MAX_RESPAWN_DELAY_MS = 5000;
const CLOSE_WAIT_MS = 1000;
/**
 * A reader's heap. Young generation: V8's default (48 MB) fills with the short-lived strings of
 * an export's rows before each collection, in each reader; 12 MB keeps the process's peak memory
 * about 50 MB lower for a few per cent more time collecting. Old generation: with no limit set,
 * V8 lets a reader's heap grow to 50–60 MB between full collections while it encodes Parquet row
 * groups; any limit makes it grow the heap in smaller steps (about 37 MB at most then, the same
 * with 64 or 256 MB): the Parquet export's peak is about 70 MB lower for about 10 % more CPU.
 * 256 MB leaves room for the largest query a reader answers whole.
 */
const LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 256 };
/** Consecutive failed starts after which callers are told the store is unavailable. */
const FAILED_STARTS_LIMIT = 3;

/** A reply carrying data: rows, or encoded rows. */
export type DataReply = Extract<ReaderReply, { kind: 'rows' | 'bytes' }>;
type Request = ReaderRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  id: number;
  resolve: (reply: DataReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

class Slot {
  ready = false;
  leased = false;
  dead = false;
  pending: Pending | null = null;

  constructor(readonly worker: Worker) {}
}

/** Exclusive use of one worker until `release()`. */
export interface Lease {
  /** Sends a request and waits for its reply, at most `timeoutMs`. */
  exchange(request: Request, timeoutMs: number): Promise<DataReply>;
  /** Sends a request that has no reply. */
  post(request: Request): void;
  release(): void;
}

export class ReaderPool {
  private readonly slots = new Set<Slot>();
  private readonly waiters: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] =
    [];
  private nextId = 1;
  private closed = false;
  private failedStarts = 0;
  /** Workers being spawned (their module bundled), not yet in `slots`. */
  private starting = 0;

  private constructor(
    private readonly data: ReaderWorkerData,
    private readonly size: number,
  ) {}

  /** Starts `size` readers and waits until each has opened its connection. */
  static async start(data: ReaderWorkerData, size: number): Promise<ReaderPool> {
    const pool = new ReaderPool(data, size);
    const starts = Array.from({ length: size }, () => pool.spawn());
    try {
      await Promise.all(starts);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Waits for a free worker. */
  acquire(): Promise<Lease> {
    if (this.closed) return Promise.reject(unavailable('the store is closed'));
    if (this.failing()) return Promise.reject(unavailable('no reader can open the store'));
    for (const slot of this.slots) {
      if (slot.ready && !slot.leased && !slot.dead) {
        slot.leased = true;
        return Promise.resolve(this.lease(slot));
      }
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve: (slot) => resolve(this.lease(slot)), reject });
    });
  }

  /** A free worker now, or null when none is free or callers are already waiting for one. */
  tryAcquire(): Lease | null {
    if (this.closed || this.waiters.length > 0) return null;
    for (const slot of this.slots) {
      if (slot.ready && !slot.leased && !slot.dead) {
        slot.leased = true;
        return this.lease(slot);
      }
    }
    return null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(unavailable('the store is closed'));
    const stops = [...this.slots].map((slot) =>
      this.kill(slot, unavailable('the store is closed')),
    );
    await Promise.all(stops);
  }

  private lease(slot: Slot): Lease {
    let released = false;
    return {
      exchange: (request, timeoutMs) => {
        if (released || slot.dead) return Promise.reject(unavailable('the reader stopped'));
        return new Promise<DataReply>((resolve, reject) => {
          const id = this.nextId++;
          const pending: Pending = { id, resolve, reject, timer: null };
          if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
            pending.timer = setTimeout(() => {
              void this.kill(slot, timeoutError(timeoutMs));
            }, timeoutMs);
          }
          slot.pending = pending;
          slot.worker.postMessage({ ...request, id } as ReaderRequest);
        });
      },
      post: (request) => {
        if (released || slot.dead) return;
        slot.worker.postMessage({ ...request, id: this.nextId++ } as ReaderRequest);
      },
      release: () => {
        if (released) return;
        released = true;
        slot.leased = false;
        if (!slot.dead) this.hand(slot);
      },
    };
  }

  /** Gives a free worker to the first waiter, or leaves it idle. */
  private hand(slot: Slot): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    slot.leased = true;
    waiter.resolve(slot);
  }

  private async spawn(): Promise<void> {
    this.starting++;
    let worker: Worker;
    try {
      worker = await spawnModuleWorker(ENTRY, this.data, LIMITS);
    } finally {
      this.starting--;
    }
    if (this.closed) {
      await worker.terminate();
      throw unavailable('the store is closed');
    }
    const slot = new Slot(worker);
    this.slots.add(slot);
    return new Promise<void>((resolve, reject) => {
      slot.worker.on('message', (reply: ReaderReply) => {
        if (reply.kind === 'ready') {
          slot.ready = true;
          this.failedStarts = 0;
          resolve();
          this.hand(slot);
          return;
        }
        const pending = slot.pending;
        if (!pending || pending.id !== reply.id) return;
        settle(slot);
        if (reply.kind === 'error') pending.reject(unavailable(reply.message));
        else pending.resolve(reply);
      });
      slot.worker.on('error', (error) => {
        if (!slot.ready) reject(unavailable(`a reader could not start: ${error.message}`));
        void this.kill(slot, unavailable(`a reader failed: ${error.message}`));
      });
      slot.worker.on('exit', () => {
        if (!slot.ready) reject(unavailable('a reader could not start'));
        void this.kill(slot, unavailable('a reader stopped'));
      });
    });
  }

  /** Readers keep failing to start, and none is running: waiting would be in vain. */
  private failing(): boolean {
    return this.failedStarts >= FAILED_STARTS_LIMIT && ![...this.slots].some((slot) => slot.ready);
  }

  /** Fails the slot's request, stops its thread and starts a replacement. */
  private kill(slot: Slot, error: Error): Promise<unknown> {
    if (slot.dead) return Promise.resolve();
    const wasReady = slot.ready;
    slot.dead = true;
    this.slots.delete(slot);
    const pending = slot.pending;
    settle(slot);
    pending?.reject(error);
    const stopped = slot.worker.terminate();
    if (this.closed) return stopWithin(slot.worker, stopped, CLOSE_WAIT_MS);
    // The old thread may run on inside SQLite for a while: it must not keep the process alive.
    slot.worker.unref();
    this.failedStarts = wasReady ? 0 : this.failedStarts + 1;
    if (this.failing()) {
      for (const waiter of this.waiters.splice(0)) {
        waiter.reject(unavailable('no reader can open the store'));
      }
    }
    const delay = Math.min(MAX_RESPAWN_DELAY_MS, this.failedStarts * 200);
    setTimeout(() => {
      if (!this.closed && this.slots.size + this.starting < this.size) {
        this.spawn().catch(() => {});
      }
    }, delay).unref();
    return Promise.resolve();
  }
}

/** Waits for a thread to end, at most `ms`; one still inside a SQLite step is then let go. */
async function stopWithin(worker: Worker, stopped: Promise<number>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      worker.unref();
      resolve();
    }, ms);
  });
  await Promise.race([stopped, late]);
  clearTimeout(timer);
}

function settle(slot: Slot): void {
  if (slot.pending?.timer) clearTimeout(slot.pending.timer);
  slot.pending = null;
}

function unavailable(detail: string): PortalError {
  return new PortalError('DG_ERR_STORAGE_UNAVAILABLE', { detail });
}

function timeoutError(timeoutMs: number): PortalError {
  return new PortalError('DG_ERR_QUERY_TIMEOUT', { seconds: Math.round(timeoutMs / 100) / 10 });
}
