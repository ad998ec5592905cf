// `Server-Timing: …, total;dur=…`: the time the portal spent on the request (after any entry a
// route added, such as the store's `db` time), for clients and browser dev tools.

import type { FastifyInstance } from 'fastify';

const started = Symbol('serverTimingStart');

interface Timed {
  [started]?: bigint;
}

export function useServerTiming(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    (request as Timed)[started] = process.hrtime.bigint();
  });
  app.addHook('onSend', async (request, reply) => {
    const start = (request as Timed)[started];
    if (start === undefined) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Routes may have added their own entries (the store's time as `db`).
    const earlier = reply.getHeader('server-timing');
    const total = `total;dur=${ms.toFixed(1)}`;
    void reply.header('server-timing', earlier ? `${String(earlier)}, ${total}` : total);
  });
}
