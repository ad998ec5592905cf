// Running the portal: open the store, load the demo into an empty portal, listen, and
// shut down cleanly on SIGINT / SIGTERM. Used by main.ts (`npm start`) and `datagora serve`.

import type { FastifyInstance } from 'fastify';

import { buildApp, openStorage } from './app.ts';
import type { Config } from './config/index.ts';
import { loadDemoIfEmpty } from './ingest/demo.ts';

export async function servePortal(config: Config): Promise<FastifyInstance> {
  const engine = await openStorage(config);
  const app = await buildApp(config, { engine });
  app.addHook('onClose', async () => engine.close());
  if (config.demo) {
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
