// Reads a ranged query range by range on up to two readers at once, and yields the encoded
// ranges in order. The first reader holds a read transaction for the whole export: its snapshot
// keeps the version's table, which never changes once current. A helper reader, leased for one
// range at a time (so other requests wait at most one range for it), reads the same table; a
// range it fails to read (its table dropped by a later republish) goes back to the first reader.

import type { EncodedChunk, RowEncoding } from '../../core/row-encoding.ts';
import type { RangedQuery } from '../engine.ts';
import type { Lease, ReaderPool } from './reader-pool.ts';

/** Row ids per range: a few megabytes of text each. */
export const RANGE_ROWS = 8192;
/** Ranges read ahead of the consumer at most (back-pressure: memory stays flat). */
const AHEAD = 2;

interface Pending {
  promise: Promise<EncodedChunk>;
  resolve: (chunk: EncodedChunk) => void;
  reject: (error: unknown) => void;
}

function pending(): Pending {
  let resolve!: (chunk: EncodedChunk) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<EncodedChunk>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Awaited in order by the consumer; one never reached must not count as unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export async function* rangedExport(
  pool: ReaderPool,
  ranged: RangedQuery,
  encoding: RowEncoding,
  options: { rows: number; timeoutMs: number },
): AsyncGenerator<EncodedChunk> {
  const { rows: size, timeoutMs } = options;
  const primary = await pool.acquire();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  try {
    const bounds = await primary.exchange(
      { kind: 'query', sql: ranged.boundsSql, params: [], hold: true },
      timeoutMs,
    );
    const [low, high] = bounds.kind === 'rows' ? (bounds.rows[0] ?? []) : [];
    if (low == null || high == null) return;
    const first = Number(low);
    const count = Math.floor((Number(high) - first) / size) + 1;
    // Ranges read and not yet consumed; a consumed one is dropped (memory stays flat).
    const results = new Map<number, Pending>();
    const resultOf = (k: number) => {
      let result = results.get(k);
      if (!result) results.set(k, (result = pending()));
      return result;
    };
    const retries: number[] = [];
    let next = 0;
    let consumed = 0;
    let primaryBusy = false;
    let helperBusy = false;
    let helperUsable = true;

    const request = (k: number) => {
      const params = [...ranged.params];
      params[ranged.fromParam] = first + k * size;
      params[ranged.toParam] = first + (k + 1) * size;
      const table = ranged.table === undefined ? {} : { table: ranged.table };
      return { kind: 'encode', sql: ranged.sql, params, encoding, ...table } as const;
    };
    const run = (lease: Lease, k: number, isPrimary: boolean) => {
      if (isPrimary) primaryBusy = true;
      else helperBusy = true;
      const done: Promise<void> = lease
        .exchange(request(k), timeoutMs)
        .then(
          (reply) =>
            resultOf(k).resolve(
              reply.kind === 'bytes'
                ? { bytes: reply.bytes, rows: reply.rows, meta: reply.meta }
                : { bytes: new Uint8Array(), rows: 0 },
            ),
          (error: unknown) => {
            if (isPrimary) {
              // The export ends here: no range after this one will be read.
              stopped = true;
              for (let j = consumed; j < count; j++) resultOf(j).reject(error);
            } else {
              helperUsable = false;
              retries.push(k);
            }
          },
        )
        .finally(() => {
          if (isPrimary) primaryBusy = false;
          else {
            helperBusy = false;
            lease.release();
          }
          inFlight.delete(done);
          start();
        });
      inFlight.add(done);
    };
    const nextRange = () => (next < count && next < consumed + AHEAD ? next++ : -1);
    function start(): void {
      if (stopped) return;
      if (!primaryBusy) {
        const k = retries.shift() ?? nextRange();
        if (k >= 0) run(primary, k, true);
      }
      if (helperUsable && !helperBusy && next < count && next < consumed + AHEAD) {
        const helper = pool.tryAcquire();
        if (helper) run(helper, nextRange(), false);
      }
    }

    start();
    for (let k = 0; k < count; k++) {
      const chunk = await resultOf(k).promise;
      results.delete(k);
      consumed = k + 1;
      start();
      if (chunk.rows > 0) yield chunk;
    }
  } finally {
    stopped = true;
    await Promise.allSettled([...inFlight]);
    // Ends the held transaction before the reader serves anyone else.
    primary.post({ kind: 'cancel' });
    primary.release();
  }
}
