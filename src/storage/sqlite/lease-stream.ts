// Streams the batches of one statement from a leased reader: the next batch is asked for before
// the current one is handed over, so the reader reads while the consumer works; at most one
// batch waits ahead.

import type { DataReply, Lease } from './reader-pool.ts';
import type { ReaderRequest } from './reader-protocol.ts';

type StreamRequest = Omit<Extract<ReaderRequest, { kind: 'stream' }>, 'id'>;

/**
 * The time limit applies to each batch the worker produces, not to the time the consumer takes
 * between batches (a slow download must not be cut). The lease is released at the end.
 */
export async function* leaseStream(
  lease: Lease,
  request: StreamRequest,
  timeoutMs: number,
): AsyncGenerator<DataReply> {
  let done = false;
  let ahead: Promise<unknown> | null = null;
  try {
    let reply = await lease.exchange(request, timeoutMs);
    for (;;) {
      done = reply.done;
      const next = done ? null : lease.exchange({ kind: 'next' }, timeoutMs);
      ahead = next;
      next?.catch(() => undefined);
      yield reply;
      if (!next) return;
      reply = await next;
      ahead = null;
    }
  } finally {
    // An early stop waits for the batch in flight, so the reader is idle when released.
    if (ahead) await ahead.catch(() => undefined);
    if (!done) lease.post({ kind: 'cancel' });
    lease.release();
  }
}
