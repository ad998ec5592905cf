// Running the portal: open the store, load the demo into an empty portal, listen, and
// shut down cleanly on SIGINT / SIGTERM. Used by main.ts (`npm start`) and `datagora serve`.

import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';

import type { FastifyInstance } from 'fastify';

import type { Config } from './config/index.ts';
import { heapGrowthFlag, processEnvironment, workerAllocatorEnvironment } from './config/index.ts';
import { loadDemoIfEmpty } from './ingest/demo.ts';
import { openStorage } from './open-storage.ts';
import { PrimaryLink } from './cluster/primary-link.ts';
import { runPrimary } from './serve-cluster.ts';

/** Serves the portal; with several processes, this one forks them and serves nothing (null). */
export async function servePortal(config: Config): Promise<FastifyInstance | null> {
  if (config.processes > 1 && cluster.isPrimary) {
    await runPrimary(config, workerAllocatorEnvironment(processEnvironment()), (message) =>
      console.error(`datagora: ${message}`),
    );
    return null;
  }
  const heapGrowth = heapGrowthFlag(process.execArgv);
  if (heapGrowth !== null) setFlagsFromString(heapGrowth);
  // Loaded here, not by the primary of several processes, which would only carry it (~70 MB).
  const { buildApp } = await import('./app.ts');
  // A worker of several shares its changes and the day's visitors through the primary.
  const link = config.processes > 1 && cluster.isWorker ? new PrimaryLink() : undefined;
  const engine = await openStorage(config, link);
  const app = await buildApp(config, { engine, ...(link ? { visitorHub: link } : {}) });
  app.addHook('onClose', async () => engine.close());
  // A worker of several: the primary loaded the demo before forking.
  if (config.demo && !cluster.isWorker) {
    const report = await loadDemoIfEmpty(engine);
    if (report) {
      app.log.info(
        { dataset: report.version.datasetId, records: report.rows },
        'loaded the demo dataset into the empty portal',
      );
    }
  }
  await app.listen({ port: config.port, host: config.host });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return app;
}
