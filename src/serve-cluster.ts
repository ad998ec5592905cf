// Several serving processes on one machine (`DATAGORA_PROCESSES`): a Node process runs its
// JavaScript on one core, so a portal that answers from memory is bound by one core however
// many the machine has. This primary process prepares the store (migrations, the demo), then
// forks the workers, which all listen on the same port (node:cluster hands each connection to
// one of them), starts a new one when one dies after it listened (one that dies before stops
// them all), stops them all on SIGINT or SIGTERM, and relays what the workers share beyond the
// store (src/cluster/worker-relay.ts). What the processes share and how is in
// docs/deploy.md, "Several processes on one machine".

import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

import { relayBetweenWorkers } from './cluster/worker-relay.ts';
import type { Config } from './config/index.ts';
import { loadDemoIfEmpty } from './ingest/demo.ts';
import { openStorage } from './open-storage.ts';

/** `workerEnvironment`: settings added to the workers' environment (config/worker-allocator.ts). */
export async function runPrimary(
  config: Config,
  workerEnvironment: Record<string, string>,
  log: (message: string) => void,
): Promise<void> {
  // Once, before any worker opens the store: the migrations, and the demo into an empty portal.
  const engine = await openStorage(config);
  try {
    if (config.demo) await loadDemoIfEmpty(engine);
  } finally {
    await engine.close();
  }
  relayBetweenWorkers();
  let stopping = false;
  /** Each worker, and whether it has listened yet. */
  const started = new Map<Worker, boolean>();
  const fork = () => started.set(cluster.fork(workerEnvironment), false);
  cluster.on('listening', (worker) => started.set(worker, true));
  cluster.on('exit', (worker, code, signal) => {
    const listened = started.get(worker) ?? false;
    started.delete(worker);
    if (stopping) {
      // The exit code set when a worker could not start (1), else 0.
      if (started.size === 0) process.exit();
      return;
    }
    const reason = signal ?? `code ${code}`;
    if (!listened) {
      // A worker that cannot start (a taken port, a broken store) would be forked forever.
      log(`a serving process stopped before it listened (${reason}); stopping the others`);
      stopping = true;
      process.exitCode = 1;
      for (const other of started.keys()) other.process.kill('SIGTERM');
      if (started.size === 0) process.exit(1);
      return;
    }
    log(`serving process ${worker.process.pid} stopped (${reason}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${started.size} serving processes`);
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    if (started.size === 0) process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < config.processes; i += 1) fork();
}
