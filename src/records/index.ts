export { RecordsService } from './records-service.ts';
export { ExportCache, exportFileName } from './export-cache.ts';
export type { ExportSink, KeptFile } from './export-cache.ts';
export { QueryTrace } from './cached-queries.ts';
export type { CacheCounters, CacheOutcome } from './cached-queries.ts';
export { checkTimezone } from './timezone.ts';
export type { ExportRequest, RecordsExport } from './export-query.ts';
export type {
  RecordRequest,
  RecordsPage,
  RecordsRequest,
  RecordsServiceOptions,
  RowsPage,
} from './records-service.ts';
export { checkPaging, DEFAULT_LIMIT, MAX_RECORDS_LIMIT, MAX_RECORDS_WINDOW } from './limits.ts';
export { renderRecord, renderValue } from './render.ts';
export type { JsonRecord } from './render.ts';
export type { FacetGroup, FacetSpec, FacetsRequest } from './facets.ts';
export type { FacetNode } from '../core/facet-tree.ts';
export type { AnalyzePoint, AnalyzeRequest } from './analyze.ts';
export type { GeoclusterAnswer, GeoclusterRequest } from './geocluster.ts';
export { SERIE_FUNCTIONS, type Serie, type SerieFunction } from './series.ts';
