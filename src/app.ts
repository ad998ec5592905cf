// The composition root: picks the storage engine, wires the services, registers the surfaces.
// It builds the server without listening; only main.ts (or the CLI's serve) opens a port.

import { join } from 'node:path';

import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

import { backOffice } from './admin/index.ts';
import { AudienceService } from './analytics/index.ts';
import type { VisitorHub } from './analytics/index.ts';
import { downloadRoutes } from './api/download/download.routes.ts';
import { exploreV21 } from './api/explore-v2.1/index.ts';
import { apiV1 } from './api/v1/index.ts';
import { DailyQuota, authServices } from './auth/index.ts';
import { AttachmentFiles, CatalogQueries, CatalogService } from './catalog/index.ts';
import type { Config } from './config/index.ts';
import { ConsentService } from './consent/index.ts';
import {
  ActivityLog,
  DatasetAccess,
  DatasetAttachments,
  DatasetsService,
  SchemaService,
} from './datasets/index.ts';
import { useAudience } from './http/plugins/audience.ts';
import { useCompression } from './http/plugins/compression.ts';
import { useCsrf } from './http/plugins/csrf.ts';
import { useSecurityHeaders } from './http/plugins/security-headers.ts';
import { useServerTiming } from './http/plugins/server-timing.ts';
import { useViewer } from './http/plugins/viewer.ts';
import type { PortalServices } from './http/services.ts';
import { DatasetProcessors } from './ingest/dataset-processors.ts';
import { DatasetSources } from './ingest/dataset-sources.ts';
import { ImportJobs } from './ingest/import-jobs.ts';
import { RefreshScheduler } from './ingest/refresh-scheduler.ts';
import { UploadSweeper } from './ingest/upload-sweeper.ts';
import { ExportCache, RecordsService } from './records/index.ts';
import { PortalSettingsService } from './settings/index.ts';
import { PortalTextsService } from './texts/index.ts';
import type { StorageEngine } from './storage/engine.ts';
import { DEFAULT_LANG, LANGUAGES } from './i18n/languages.ts';
import { webSite } from './web/index.ts';
import { openStorage } from './open-storage.ts';

export { SQLITE_FILE_NAME, openStorage, sqlitePath } from './open-storage.ts';

export interface BuildOptions {
  /** A store opened by the caller (tests, the CLI); otherwise the app opens and closes its own. */
  engine?: StorageEngine;
  /** Fastify logger on or off (tests turn it off). */
  logger?: boolean;
  /** Services built by the caller on `engine` (tests that change settings the app must see). */
  services?: PortalServices;
  /** The day's visitors shared with the processes serving beside this one (node:cluster). */
  visitorHub?: VisitorHub;
}

/** Where attachment files live: `<DATAGORA_HOME>/attachments/<dataset_id>/`. */
export function attachmentsDir(config: Config): string {
  return join(config.home, 'attachments');
}

/** Where finished export files are kept: `<DATAGORA_HOME>/exports/`. */
export function exportsDir(config: Config): string {
  return join(config.home, 'exports');
}

export function buildServices(
  engine: StorageEngine,
  config: Config,
  visitorHub?: VisitorHub,
): PortalServices {
  const catalog = new CatalogService(engine.metadata);
  const timeouts = { queryTimeoutMs: config.queryTimeoutMs };
  const records = new RecordsService(engine, catalog, {
    ...timeouts,
    resultCacheBytes: config.resultCacheMb * 1024 * 1024,
  });
  const exportCache = new ExportCache(engine.metadata, {
    dir: exportsDir(config),
    capacityBytes: config.exportCacheMb * 1024 * 1024,
    minBytes: config.exportCacheMinKb * 1024,
  });
  // Results are keyed by each dataset's version and last change: a notice only frees the stale
  // ones early; a reconnected feed may have missed some, so everything goes.
  engine.changes.subscribe((topic) => {
    if (topic === 'datasets') void records.sweepCaches();
    if (topic === 'reset') records.dropCaches();
    // Kept export files of states no longer current (a failed sweep waits for the next one).
    if (topic === 'datasets' || topic === 'reset') void exportCache.sweep().catch(() => undefined);
  });
  const imports = new ImportJobs(engine, {
    home: config.home,
    maxBytes: config.uploadMaxBytes,
    fetchTimeoutMs: config.fetchTimeoutMs,
  });
  const attachments = new AttachmentFiles(engine.metadata, catalog, attachmentsDir(config));
  const activity = new ActivityLog(engine.metadata);
  const auth = authServices(engine.accounts, engine.metadata);
  return {
    catalog,
    catalogQueries: new CatalogQueries(engine, catalog, timeouts),
    records,
    exportCache,
    attachments,
    auth,
    consent: new ConsentService(engine.consent, undefined, engine.changes),
    audience: new AudienceService(engine.audience, {
      enabled: config.statistics,
      retentionMonths: config.statisticsRetentionMonths,
      ...(visitorHub ? { visitorHub } : {}),
    }),
    texts: new PortalTextsService(engine.texts),
    // The configuration's values are the defaults until an administrator changes them.
    settings: new PortalSettingsService(
      engine.settings,
      {
        portalName: config.portalName,
        languages: [...LANGUAGES],
        defaultLanguage: DEFAULT_LANG,
        stateIdentity: config.stateIdentity,
        contactEmail: '',
        logo: null,
        dcatProfiles: {},
      },
      undefined,
      undefined,
      engine.changes,
    ),
    imports,
    sources: new DatasetSources(engine, imports),
    processors: new DatasetProcessors(engine, imports),
    datasets: new DatasetsService(engine.metadata, engine.accounts, activity, attachments),
    // Reading a whole version back may take longer than one query: ten times the limit.
    schemas: new SchemaService(engine, activity, {
      rebuildTimeoutMs: config.queryTimeoutMs * 10,
    }),
    datasetAttachments: new DatasetAttachments(engine.metadata, attachments, activity),
    datasetAccess: new DatasetAccess(engine.metadata, auth.accounts, activity),
    activity,
  };
}

/** Fastify takes a hop count as a function: trust the first `n` proxies. */
function trustProxyOption(setting: Config['trustProxy']): boolean | string[] | TrustHops {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

type TrustHops = (address: string, hop: number) => boolean;

export async function buildApp(
  config: Config,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const engine = options.engine ?? (await openStorage(config));
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    // A URL the router cannot even read (a bad %-escape, an over-long id) still gets ODS's body.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.code(error.statusCode ?? 400).send({
        error_code: 'InvalidRESTParameterError',
        message: `Invalid request URL: ${error.message}`,
      });
    },
  });
  if (!options.engine) app.addHook('onClose', async () => engine.close());

  useServerTiming(app);
  await useCompression(app);
  // Cookies are read for the whole server (the site's language, the CSRF secret, the session).
  await app.register(cookie);
  useSecurityHeaders(app);
  useCsrf(app, { trustedOrigins: config.csrfTrustedOrigins });
  const services = options.services ?? buildServices(engine, config, options.visitorHub);
  useViewer(app, services.auth.sessions);
  const recorder = services.audience.recorder;
  if (recorder) {
    const warn = (error: unknown) => app.log.warn({ err: error }, 'audience statistics failed');
    useAudience(app, { recorder, baseUrl: config.baseUrl, onError: warn });
    recorder.start(warn);
    // Before the store closes: the last hits and the day's common search terms are written.
    app.addHook('preClose', async () => recorder.close());
  }
  // Imports a dead process left running are failed (their dataset keeps its current version);
  // then the scheduled refreshes of remote sources start, each claimed by one process.
  await services.imports.recover();
  const scheduler = new RefreshScheduler(engine, services.imports, {
    onError: (error, dataset) =>
      app.log.warn({ err: error, dataset }, 'a scheduled refresh could not start'),
  });
  app.addHook('onReady', async () => {
    scheduler.start();
    // Jobs and loads of processes that die while this one runs are failed as they are found.
    services.imports.watch(undefined, (error) =>
      app.log.warn({ err: error }, 'the sweep of abandoned imports failed'),
    );
  });
  app.addHook('preClose', async () => {
    await scheduler.stop();
    await services.imports.unwatch();
  });
  // Uploads never turned into a dataset go after a day: at start, then every hour.
  const sweeper = new UploadSweeper(services.sources.pending, {
    onError: (error) => app.log.warn({ err: error }, 'abandoned uploads could not be removed'),
  });
  app.addHook('onReady', async () => sweeper.start());
  app.addHook('preClose', async () => sweeper.stop());
  const anonymousQuota =
    config.quotaAnonymousDaily > 0
      ? new DailyQuota(config.quotaAnonymousDaily, engine.quotas)
      : undefined;
  await app.register(exploreV21, {
    prefix: '/api/explore/v2.1',
    services,
    baseUrl: config.baseUrl,
    anonymousQuota,
  });
  await app.register(apiV1, { prefix: '/api', services, baseUrl: config.baseUrl, anonymousQuota });
  await app.register(downloadRoutes, {
    services,
    baseUrl: config.baseUrl,
    anonymousQuota,
  });
  const site = {
    services,
    baseUrl: config.baseUrl,
    portalName: config.portalName,
    stateIdentity: config.stateIdentity,
    // The panel and the cookie policy describe the measurement and its opt-out when it runs.
    audienceStatistics: services.audience.recorder !== null,
    audienceRetentionMonths: config.statisticsRetentionMonths,
  };
  await app.register(webSite, site);
  await app.register(backOffice, site);
  return app;
}
