// `Server-Timing: total;dur=…`: the time the portal spent on the request, for clients and
// browser dev tools.

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
    if (start === undefined || reply.hasHeader('server-timing')) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    void reply.header('server-timing', `total;dur=${ms.toFixed(1)}`);
  });
}
