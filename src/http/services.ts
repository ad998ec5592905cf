// The services every surface receives from the composition root (app.ts).

import type { AudienceService } from '../analytics/index.ts';
import type { AuthServices, DailyQuota } from '../auth/index.ts';
import type { ConsentService } from '../consent/index.ts';
import type {
  ActivityLog,
  DatasetAccess,
  DatasetAttachments,
  DatasetsService,
  SchemaService,
} from '../datasets/index.ts';
import type { AttachmentFiles, CatalogQueries, CatalogService } from '../catalog/index.ts';
import type { ExportCache, RecordsService } from '../records/index.ts';
import type { PortalSettingsService } from '../settings/index.ts';
import type { PortalTextsService } from '../texts/index.ts';
import type { DatasetProcessors } from '../ingest/dataset-processors.ts';
import type { DatasetSources } from '../ingest/dataset-sources.ts';
import type { ImportJobs } from '../ingest/import-jobs.ts';

export interface PortalServices {
  catalog: CatalogService;
  /** ODSQL over the catalog's metadata. */
  catalogQueries: CatalogQueries;
  records: RecordsService;
  /** Finished export files kept on disk for identical exports. */
  exportCache: ExportCache;
  /** Files published with the datasets. */
  attachments: AttachmentFiles;
  /** Accounts, sessions and API keys. */
  auth: AuthServices;
  /** Third-party services and the visitors' consent to them. */
  consent: ConsentService;
  /** The portal's own anonymous audience measurement and its reports. */
  audience: AudienceService;
  /** The Markdown texts administrators write around generated pages. */
  texts: PortalTextsService;
  /** The portal settings administrators change (name, languages, theme, contact, logo). */
  settings: PortalSettingsService;
  /** Background imports of dataset sources, one per dataset at a time. */
  imports: ImportJobs;
  /** Dataset sources as the back office changes them (create, replace, URL, refresh). */
  sources: DatasetSources;
  /** A dataset's processors as the back office edits, previews and re-imports them. */
  processors: DatasetProcessors;
  /** The back office's datasets: list, overview, publish, unpublish, delete, roll back. */
  datasets: DatasetsService;
  /** The schema editor: fields' labels, descriptions, translations, annotations and types. */
  schemas: SchemaService;
  /** A dataset's attachments as its editors add, replace and delete them. */
  datasetAttachments: DatasetAttachments;
  /** A dataset's visibility, read grants and editors as the back office changes them. */
  datasetAccess: DatasetAccess;
  /** Who did what in the back office. */
  activity: ActivityLog;
}

export interface SurfaceOptions {
  services: PortalServices;
  /** Public URL of the portal, without a trailing slash. */
  baseUrl: string;
  /** The daily API quota of anonymous addresses, shared by every API scope; none when unset. */
  anonymousQuota?: DailyQuota;
}
