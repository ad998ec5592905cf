// Querying one dataset's records: compile ODSQL, run it off the main thread, render the rows.

import type { CatalogService } from '../catalog/index.ts';
import type { Viewer } from '../core/access.ts';
import type { Dataset, DatasetVersion } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { CompiledQuery, OutputColumn, RecordsQueryInput } from '../odsql/index.ts';
import {
  compileCountQuery,
  compileRecordLookup,
  compileRecordsQuery,
  translateV1Query,
} from '../odsql/index.ts';
import type { SqlQuery, StorageEngine } from '../storage/engine.ts';
import { checkPaging } from './limits.ts';
import { checkTimezone } from './timezone.ts';
import type { ExportRequest, RecordsExport } from './export-query.ts';
import { openExport } from './export-query.ts';
import type { AnalyzePoint, AnalyzeRequest } from './analyze.ts';
import { analyzeRecords } from './analyze.ts';
import type { FacetGroup, FacetsRequest } from './facets.ts';
import type { GeoclusterAnswer, GeoclusterRequest } from './geocluster.ts';
import { geoclusterRecords } from './geocluster.ts';
import type { CacheCounters, CacheScope, QueryTrace } from './cached-queries.ts';
import { CachedQueries, cacheScope } from './cached-queries.ts';
import { computeFacets } from './facets.ts';
import type { JsonRecord } from './render.ts';
import { renderRecord } from './render.ts';
import { pageKey } from './page-key.ts';
import { tableSchemaOf } from './table-schema.ts';

export interface RecordsRequest {
  datasetId: string;
  /** Who asks: a dataset they may not read answers DG_ERR_DATASET_NOT_FOUND. */
  viewer: Viewer;
  select?: string;
  where?: string[];
  groupBy?: string;
  orderBy?: string;
  refine?: string[];
  exclude?: string[];
  /** API v1 queries (ods-widgets send them as `qv1`), ANDed with `where`. */
  qv1?: string[];
  /** As sent; checked against ODS's paging rules. */
  limit?: number;
  offset?: number;
  timezone?: string;
  /** ODS's `lang` (default fr): month and day names of date_format(). */
  lang?: string;
  /** Also return each record's id (`include_links`); not for aggregations. */
  withRecordIds?: boolean;
  /** Notes how each query was answered (result cache, summaries, engine). */
  trace?: QueryTrace;
  /**
   * The dataset as the caller just read it for the same viewer (`CatalogService.getDataset`,
   * access checked), spared a second read; absent, the service reads it.
   */
  dataset?: Dataset;
}

export interface RecordsPage {
  /** Number of matching records; absent for aggregations, as ODS answers. */
  totalCount?: number;
  results: JsonRecord[];
  /** The id of each result, when asked for (`withRecordIds`) and not an aggregation. */
  recordIds?: string[];
  /** Time spent in the store (query and count side by side), in milliseconds. */
  queryMs?: number;
}

export interface RecordRequest {
  datasetId: string;
  viewer: Viewer;
  recordId: string;
  select?: string;
  timezone?: string;
  lang?: string;
  trace?: QueryTrace;
}

export interface RecordsServiceOptions {
  queryTimeoutMs: number;
  /** Bytes of query results kept in memory (docs/performance.md, "Result cache"); 0: none. */
  resultCacheBytes?: number;
}

/** Adds LIMIT and OFFSET as bound parameters, in the engine's placeholder style. */
export function withPaging(
  query: CompiledQuery,
  limit: number,
  offset: number,
  engine: string,
): SqlQuery {
  const params = [...query.params, limit, offset];
  const placeholder = (n: number) => (engine === 'postgres' ? `$${n}` : '?');
  const n = query.params.length;
  return {
    sql: `${query.sql} LIMIT ${placeholder(n + 1)} OFFSET ${placeholder(n + 2)}`,
    params,
  };
}

export class RecordsService {
  private readonly cached: CachedQueries;

  constructor(
    private readonly engine: StorageEngine,
    private readonly catalog: CatalogService,
    private readonly options: RecordsServiceOptions,
  ) {
    this.cached = new CachedQueries(engine, options.resultCacheBytes ?? 0);
  }

  /** Runs a dataset query through the result cache. */
  private run(
    scope: CacheScope,
    query: SqlQuery & { volatile?: boolean },
    trace: QueryTrace | undefined,
    summary = false,
  ): Promise<unknown[][]> {
    return this.cached.run(scope, query, {
      timeoutMs: this.options.queryTimeoutMs,
      trace,
      summary,
    });
  }

  /**
   * The number of records matching the input's filters: without any, the count the version's
   * commit stored; else the count query, through the cache.
   */
  private async count(
    input: RecordsQueryInput,
    dataset: Dataset,
    scope: CacheScope,
    trace: QueryTrace | undefined,
  ): Promise<number> {
    const schema = tableSchemaOf(dataset);
    const query = compileCountQuery(input, schema, this.engine.name);
    const whole = compileCountQuery({}, schema, this.engine.name);
    if (dataset.current && query.params.length === 0 && query.sql === whole.sql) {
      return dataset.current.recordsCount;
    }
    const rows = await this.run(scope, query, trace);
    return Number(rows[0]?.[0] ?? 0);
  }

  private async currentVersion(
    datasetId: string,
    viewer: Viewer,
    known?: Dataset,
  ): Promise<{ dataset: Dataset; version: DatasetVersion | null }> {
    const dataset =
      known?.id === datasetId ? known : await this.catalog.getDataset(datasetId, viewer);
    return { dataset, version: dataset.current };
  }

  async queryRecords(request: RecordsRequest): Promise<RecordsPage> {
    const timezone = checkTimezone(request.timezone);
    const { dataset, version } = await this.currentVersion(
      request.datasetId,
      request.viewer,
      request.dataset,
    );
    const v1Conditions = (request.qv1 ?? []).map((q) => translateV1Query(q, version?.fields ?? []));
    const input: RecordsQueryInput = {
      select: request.select,
      where: [...(request.where ?? []), ...v1Conditions.filter((c) => c !== '')],
      groupBy: request.groupBy,
      orderBy: request.orderBy,
      refine: request.refine,
      exclude: request.exclude,
      timezone,
      lang: request.lang,
      withRecordId: request.withRecordIds,
    };
    const scope = cacheScope(dataset);
    if (!version || !scope) return { totalCount: 0, results: [] };
    const trace = request.trace;
    const started = performance.now();
    // The rendered page of an identical request, kept with the result cache's rows: no
    // compiling, counting or rendering again.
    const key = pageKey(request, timezone);
    const kept = this.cached.derived<RecordsPage>(scope, key, trace);
    if (kept !== undefined) return { ...kept, queryMs: performance.now() - started };
    const schema = tableSchemaOf(dataset);
    const compiled = compileRecordsQuery(input, schema, this.engine.name);
    const paging = checkPaging(request.limit, request.offset, compiled.aggregated);
    const page = withPaging(compiled, paging.limit, paging.offset, this.engine.name);
    const rowsPromise =
      paging.limit === 0
        ? Promise.resolve([])
        : this.run(scope, { ...page, volatile: compiled.volatile }, trace);
    const keep = (answer: RecordsPage): RecordsPage => {
      if (!compiled.volatile)
        this.cached.keepDerived(scope, key, { ...answer, queryMs: undefined });
      return answer;
    };
    if (compiled.aggregated) {
      const rows = await rowsPromise;
      const queryMs = performance.now() - started;
      return keep({
        results: rows.map((row) => renderRecord(row, compiled.columns, timezone)),
        queryMs,
      });
    }
    const [rows, totalCount] = await Promise.all([
      rowsPromise,
      this.count(input, dataset, scope, trace),
    ]);
    const queryMs = performance.now() - started;
    const idAt = compiled.recordIdPosition;
    return keep({
      totalCount,
      results: rows.map((row) => renderRecord(row, compiled.columns, timezone)),
      ...(idAt === undefined ? {} : { recordIds: rows.map((row) => String(row[idAt])) }),
      queryMs,
    });
  }

  async getRecord(request: RecordRequest): Promise<JsonRecord> {
    const found = await this.getRecordRow(request);
    return renderRecord(found.row, found.columns, found.timezone);
  }

  /** One record's raw row and columns, for surfaces that render it their own way. */
  async getRecordRow(request: RecordRequest): Promise<{
    row: unknown[];
    columns: OutputColumn[];
    timezone: string;
    version: DatasetVersion;
  }> {
    const timezone = checkTimezone(request.timezone);
    const { dataset, version } = await this.currentVersion(request.datasetId, request.viewer);
    const notFound = new PortalError('DG_ERR_RECORD_NOT_FOUND', { record_id: request.recordId });
    const scope = cacheScope(dataset);
    if (!version || !scope) throw notFound;
    const schema = tableSchemaOf(dataset);
    const compiled = compileRecordLookup(
      request.recordId,
      { select: request.select, timezone, lang: request.lang },
      schema,
      this.engine.name,
    );
    const rows = await this.run(scope, compiled, request.trace);
    const row = rows[0];
    if (!row) throw notFound;
    return { row, columns: compiled.columns, timezone, version };
  }

  /** Every matching row of the current version, streamed (exports and downloads). */
  async openExport(request: ExportRequest): Promise<RecordsExport> {
    return openExport(this.engine, this.catalog, request, this.options.queryTimeoutMs);
  }

  /** API v1 analyze: series of aggregates by the values (or periods) of a field. */
  async analyze(request: AnalyzeRequest): Promise<AnalyzePoint[]> {
    return analyzeRecords(this, this.catalog, request);
  }

  /** API v1 geocluster: the points clustered for a zoom level, with series. */
  async geocluster(request: GeoclusterRequest): Promise<GeoclusterAnswer> {
    return geoclusterRecords(this, this.catalog, request);
  }

  /** Forgets every result kept (the change feed reconnected: changes may have been missed). */
  dropCaches(): void {
    this.cached.clear();
  }

  /** Drops the results of datasets that changed (a change notice: which one is not said). */
  sweepCaches(): Promise<void> {
    return this.cached.sweep();
  }

  /** What the result cache holds and how queries were answered since the start. */
  cacheStats(): CacheCounters {
    return this.cached.stats();
  }

  /**
   * The values and counts of facet fields under the request's filters, one query per facet
   * through the result cache; the whole dataset's counts come from the version's summaries.
   */
  async facets(request: FacetsRequest): Promise<FacetGroup[]> {
    const dataset = await this.catalog.getDataset(request.datasetId, request.viewer);
    const scope = cacheScope(dataset);
    return computeFacets(dataset, request, this.engine.name, (query, unfiltered) =>
      scope === null ? Promise.resolve([]) : this.run(scope, query, request.trace, unfiltered),
    );
  }

  /**
   * A page of raw rows with their columns, the record ids and the count, for surfaces that
   * render records their own way (API v1). Paging is checked by the caller.
   */
  async queryRows(request: RecordsRequest & { limit: number; offset: number }): Promise<RowsPage> {
    const timezone = checkTimezone(request.timezone);
    const { dataset, version } = await this.currentVersion(request.datasetId, request.viewer);
    if (!version) return { dataset, version, timezone, totalCount: 0, rows: [], columns: [] };
    const v1Conditions = (request.qv1 ?? []).map((q) => translateV1Query(q, version.fields));
    const input: RecordsQueryInput = {
      select: request.select,
      where: [...(request.where ?? []), ...v1Conditions.filter((c) => c !== '')],
      orderBy: request.orderBy,
      refine: request.refine,
      exclude: request.exclude,
      timezone,
      lang: request.lang,
      withRecordId: true,
    };
    const scope = cacheScope(dataset)!;
    const compiled = compileRecordsQuery(input, tableSchemaOf(dataset), this.engine.name);
    const page = withPaging(compiled, request.limit, request.offset, this.engine.name);
    const [rows, totalCount] = await Promise.all([
      request.limit === 0
        ? Promise.resolve([])
        : this.run(scope, { ...page, volatile: compiled.volatile }, request.trace),
      this.count(input, dataset, scope, request.trace),
    ]);
    return {
      dataset,
      version,
      timezone,
      totalCount,
      rows,
      columns: compiled.columns,
      recordIdPosition: compiled.recordIdPosition,
    };
  }
}

export interface RowsPage {
  dataset: Dataset;
  version: DatasetVersion | null;
  timezone: string;
  totalCount: number;
  rows: unknown[][];
  columns: OutputColumn[];
  recordIdPosition?: number;
}
