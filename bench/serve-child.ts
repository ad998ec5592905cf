// The portal serving a bench store on a loopback port, in a process of its own (started by
// bench/server.ts): it sends its address to its parent, answers `memory` with its resident
// memory and heap, and closes on `stop`. With PROCESSES above 1 it serves as
// `DATAGORA_PROCESSES` does: this process forks that many workers of itself (node:cluster),
// which share one port; its memory is then theirs and its own, added up.
//   serve-child.ts STORE [PROCESSES]

import cluster from 'node:cluster';

import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, storeEnvironment } from './store.ts';

interface Message {
  kind: string;
  url?: string;
  rssMb?: number;
  heapMb?: number;
}

const [spec, processesArg = '1'] = process.argv.slice(2);
if (!spec || !process.send) {
  console.error('usage: serve-child.ts STORE [PROCESSES] (started by bench/server.ts)');
  process.exit(2);
}
const send = process.send.bind(process);
const processes = Number(processesArg);

if (processes > 1 && cluster.isPrimary) {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  const urls = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<string>((resolve) =>
          worker.on('message', (message: Message) => {
            if (message.kind === 'ready') resolve(message.url!);
          }),
        ),
    ),
  );
  /** A worker's answer to `memory`. */
  const memoryOf = (worker: (typeof workers)[number]) =>
    new Promise<Message>((resolve) => {
      const onMessage = (message: Message) => {
        if (message.kind !== 'memory') return;
        worker.off('message', onMessage);
        resolve(message);
      };
      worker.on('message', onMessage);
      worker.send({ kind: 'memory' });
    });
  process.on('message', (message: Message) => {
    if (message.kind === 'memory') {
      void Promise.all(workers.map(memoryOf)).then((answers) => {
        const { rss, heapUsed } = process.memoryUsage();
        const mb = (bytes: number) => bytes / 1024 / 1024;
        send({
          kind: 'memory',
          rssMb: answers.reduce((sum, a) => sum + a.rssMb!, mb(rss)),
          heapMb: answers.reduce((sum, a) => sum + a.heapMb!, mb(heapUsed)),
        });
      });
    } else if (message.kind === 'stop') {
      let left = workers.length;
      for (const worker of workers) {
        worker.once('exit', () => (left -= 1) === 0 && process.exit(0));
        worker.send({ kind: 'stop' });
      }
    }
  });
  send({ kind: 'ready', url: urls[0]! });
} else {
  // As `npm start` opens it: the configuration's readers and query time limit.
  const config = loadConfig(storeEnvironment(spec));
  const engine = await openStore(spec, {
    readers: config.readers,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  const app = await buildApp(config, { engine, logger: false });
  // Workers of a cluster given port 0 all get the same one.
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: Message) => {
    if (message.kind === 'memory') {
      const { rss, heapUsed } = process.memoryUsage();
      send({ kind: 'memory', rssMb: rss / 1024 / 1024, heapMb: heapUsed / 1024 / 1024 });
    } else if (message.kind === 'stop') {
      void app
        .close()
        .then(() => engine.close())
        .then(() => process.exit(0));
    }
  });
  send({ kind: 'ready', url });
}
