// Preloaded (`node --import`) into the portal the bench starts as users do (bench/server.ts):
// answers its parent's `memory` message with the resident memory and live heap of this process
// and, in a primary of DATAGORA_PROCESSES, of each serving worker, added up. Plain JavaScript and
// no module hooks, so the process runs as `npm start` does. Workers (forked with the same
// options) answer their primary the same way.

import cluster from 'node:cluster';

const mb = (bytes) => bytes / 1024 / 1024;

/** This process's figures. */
function own() {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: mb(rss), heapMb: mb(heapUsed) };
}

/** A worker's answer to `memory`. */
function memoryOf(worker) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message?.kind !== 'probe-memory') return;
      worker.off('message', onMessage);
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.send({ kind: 'probe-memory?' });
  });
}

if (cluster.isWorker) {
  process.on('message', (message) => {
    if (message?.kind === 'probe-memory?') process.send({ kind: 'probe-memory', ...own() });
  });
} else if (process.send) {
  process.on('message', (message) => {
    if (message?.kind !== 'memory') return;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w.isConnected());
    void Promise.all(workers.map(memoryOf)).then((answers) => {
      const sum = own();
      for (const answer of answers) {
        sum.rssMb += answer.rssMb;
        sum.heapMb += answer.heapMb;
      }
      process.send({ kind: 'memory', ...sum });
    });
  });
  // The IPC channel must not keep a stopping portal alive.
  process.channel?.unref();
}
