// ODSQL over the catalog: the metadata of the datasets the viewer may read, loaded as rows of CATALOG_FIELDS into a
// scratch table of the store, where the one ODSQL compiler runs select, where, group_by and
// order_by as on a dataset's records. refine and exclude stay the catalog facets' filters.

import type { Viewer } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import type { CompiledQuery, RecordsQueryInput } from '../odsql/index.ts';
import { compileRecordsQuery, translateV1Query } from '../odsql/index.ts';
import { checkPaging } from '../records/limits.ts';
import type { JsonRecord } from '../records/render.ts';
import { renderRecord } from '../records/render.ts';
import { checkTimezone } from '../records/timezone.ts';
import type { StorageEngine } from '../storage/engine.ts';
import { filterCatalog, parseCatalogFilters } from './catalog-facets.ts';
import { CATALOG_FIELDS, CATALOG_FIELD_ALIASES, catalogRow } from './catalog-schema.ts';
import type { CatalogService } from './catalog-service.ts';
import { inLanguage } from './translated-dataset.ts';

export interface CatalogRequest {
  /** Who asks: only the datasets they may read are queried, listed and counted. */
  viewer: Viewer;
  select?: string;
  where?: string[];
  /** API v1 `q` queries over metadata, ANDed with `where`. */
  qv1?: string[];
  groupBy?: string;
  orderBy?: string;
  refine?: string[];
  exclude?: string[];
  limit?: number;
  offset?: number;
  timezone?: string;
  /** Metadata in this language where translated (`metas.translations.<lang>`). */
  lang?: string;
}

/** Whole `<Dataset>` objects (no select), or flat rows of the selected metadata. */
export type CatalogAnswer =
  | { kind: 'datasets'; totalCount: number; datasets: Dataset[] }
  | { kind: 'rows'; totalCount?: number; columns: string[]; results: JsonRecord[] };

/** How rows are cut: a page under ODS's paging rules, or an export (limit -1 = all). */
export type CatalogPaging = 'page' | 'export';

const SCRATCH_TABLE = 'dg_catalog';
const SCHEMA = { table: SCRATCH_TABLE, fields: CATALOG_FIELDS, aliases: CATALOG_FIELD_ALIASES };

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

export class CatalogQueries {
  constructor(
    private readonly engine: StorageEngine,
    private readonly catalog: CatalogService,
    private readonly options: { queryTimeoutMs: number },
  ) {}

  async query(request: CatalogRequest, paging: CatalogPaging): Promise<CatalogAnswer> {
    const timezone = checkTimezone(request.timezone);
    const datasets = await this.refined(request);
    const whole =
      (blank(request.select) || request.select?.trim() === '*') && blank(request.groupBy);
    const where = this.conditions(request);
    if (whole && where.length === 0 && blank(request.orderBy)) {
      const window = this.window(request, paging, false);
      return { kind: 'datasets', totalCount: datasets.length, datasets: window(datasets) };
    }
    const input: RecordsQueryInput = {
      select: whole ? 'dataset_id' : request.select,
      where,
      groupBy: request.groupBy,
      orderBy: request.orderBy,
      timezone,
    };
    const compiled = this.compile(input);
    const window = this.window(request, paging, compiled.aggregated);
    const [rows = []] = await this.engine.queryScratch(
      { name: SCRATCH_TABLE, fields: CATALOG_FIELDS, rows: datasets.map(catalogRow) },
      [compiled],
      { timeoutMs: this.options.queryTimeoutMs },
    );
    if (whole) {
      const byId = new Map(datasets.map((d) => [d.id, d]));
      const position = compiled.columns[0]?.positions[0] ?? 0;
      const found = rows
        .map((row) => byId.get(String(row[position])))
        .filter((d) => d !== undefined);
      return { kind: 'datasets', totalCount: found.length, datasets: window(found) };
    }
    const results = window(rows).map((row) => renderRecord(row, compiled.columns, timezone));
    const columns = compiled.columns.map((c) => c.key);
    return compiled.aggregated
      ? { kind: 'rows', columns, results }
      : { kind: 'rows', totalCount: rows.length, columns, results };
  }

  /** The datasets every filter keeps (where, qv1, refine, exclude), by id: facets and feeds. */
  async filter(request: CatalogRequest): Promise<Dataset[]> {
    const answer = await this.query(
      {
        viewer: request.viewer,
        where: request.where,
        qv1: request.qv1,
        refine: request.refine,
        exclude: request.exclude,
        timezone: request.timezone,
        lang: request.lang,
      },
      'export',
    );
    return answer.kind === 'datasets' ? answer.datasets : [];
  }

  private async refined(request: CatalogRequest): Promise<Dataset[]> {
    const datasets = await this.catalog.listDatasets(request.viewer);
    return filterCatalog(
      datasets.map((d) => inLanguage(d, request.lang)),
      parseCatalogFilters(request.refine ?? [], 'refine'),
      parseCatalogFilters(request.exclude ?? [], 'exclude'),
    );
  }

  private conditions(request: CatalogRequest): string[] {
    const v1 = (request.qv1 ?? []).map((q) => translateV1Query(q, CATALOG_FIELDS));
    return [...(request.where ?? []), ...v1].filter((c) => !blank(c));
  }

  /** Compiles; rows of a plain query come in a stable order, dataset_id breaking ties. */
  private compile(input: RecordsQueryInput): CompiledQuery {
    const compiled = compileRecordsQuery(input, SCHEMA, this.engine.name);
    if (compiled.aggregated) return compiled;
    const orderBy = blank(input.orderBy) ? 'dataset_id' : `${input.orderBy}, dataset_id`;
    return compileRecordsQuery({ ...input, orderBy }, SCHEMA, this.engine.name);
  }

  private window(
    request: CatalogRequest,
    paging: CatalogPaging,
    aggregated: boolean,
  ): <T>(items: T[]) => T[] {
    if (paging === 'export') {
      const offset = Math.max(0, request.offset ?? 0);
      const limit = request.limit ?? -1;
      return (items) => items.slice(offset, limit < 0 ? undefined : offset + limit);
    }
    const { limit, offset } = checkPaging(request.limit, request.offset, aggregated);
    return (items) => items.slice(offset, offset + limit);
  }
}
