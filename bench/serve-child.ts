// The portal serving a bench store on a loopback port, in a process of its own (started by
// bench/server.ts): it sends its address to its parent, answers `memory` with its resident
// memory and heap, and closes on `stop`.

import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, storeEnvironment } from './store.ts';

const spec = process.argv[2];
if (!spec || !process.send) {
  console.error('usage: serve-child.ts STORE (started by bench/server.ts)');
  process.exit(2);
}
const send = process.send.bind(process);
// As `npm start` opens it: the configuration's readers and query time limit.
const config = loadConfig(storeEnvironment(spec));
const engine = await openStore(spec, {
  readers: config.readers,
  queryTimeoutMs: config.queryTimeoutMs,
});
const app = await buildApp(config, { engine, logger: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });

process.on('message', (message: { kind: string }) => {
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
