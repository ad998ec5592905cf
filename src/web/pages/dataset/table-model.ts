// What the table tab shows for a state: a page of records, the facets of the fields annotated
// `facet`, and the open record, all through the records service (the API's own queries).

import type { Viewer } from '../../../core/access.ts';
import type { Dataset } from '../../../core/dataset.ts';
import { isPortalError } from '../../../core/errors.ts';
import type { FacetNode } from '../../../core/facet-tree.ts';
import type { Field } from '../../../core/field.ts';
import type { PortalServices } from '../../../http/services.ts';
import { renderRecord } from '../../../records/render.ts';
import { SITE_TIME_ZONE } from '../../components/dates.ts';
import type { TableState } from './table-state.ts';
import { MAX_PAGE, ROWS_PER_PAGE, facetFilters } from './table-state.ts';

export interface TableRow {
  id: string;
  values: Record<string, unknown>;
}

export interface TableModel {
  fields: Field[];
  columns: Field[];
  rows: TableRow[];
  total: number;
  pages: number;
  facets: { field: Field; nodes: FacetNode[] }[];
  record: TableRow | null;
  timeZone: string;
  /** The reason the search could not run (an invalid query), shown instead of rows. */
  error: string | null;
}

export async function loadTable(
  services: PortalServices,
  dataset: Dataset,
  state: TableState,
  viewer: Viewer,
): Promise<TableModel> {
  const fields = dataset.current?.fields ?? [];
  const timeZone = dataset.metas.timezone ?? SITE_TIME_ZONE;
  const columns = state.columns ? fields.filter((f) => state.columns!.includes(f.name)) : fields;
  const filters = {
    datasetId: dataset.id,
    viewer,
    qv1: state.q ? [state.q] : [],
    refine: facetFilters(state.refines),
    exclude: facetFilters(state.excludes),
    timezone: timeZone,
  };
  const model: TableModel = {
    fields,
    columns,
    rows: [],
    total: 0,
    pages: 1,
    facets: [],
    record: null,
    timeZone,
    error: null,
  };
  try {
    const [page, facets] = await Promise.all([
      services.records.queryRows({
        ...filters,
        orderBy: state.sort
          ? `${state.sort.field} ${state.sort.descending ? 'DESC' : 'ASC'}`
          : undefined,
        limit: ROWS_PER_PAGE,
        offset: (state.page - 1) * ROWS_PER_PAGE,
      }),
      services.records.facets({ ...filters, facets: [] }),
    ]);
    model.total = page.totalCount;
    model.pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(page.totalCount / ROWS_PER_PAGE)));
    model.rows = page.rows.map((row) => ({
      id: String(row[page.recordIdPosition ?? -1] ?? ''),
      values: renderRecord(row, page.columns, page.timezone),
    }));
    model.facets = facets.flatMap((group) => {
      const field = fields.find((f) => f.name === group.name);
      return field ? [{ field, nodes: group.facets }] : [];
    });
  } catch (error) {
    if (!isPortalError(error) || error.status !== 400) throw error;
    model.error = error.message;
  }
  if (state.record) {
    model.record = await loadRecord(
      services,
      { datasetId: dataset.id, viewer },
      state.record,
      timeZone,
    );
  }
  return model;
}

async function loadRecord(
  services: PortalServices,
  dataset: { datasetId: string; viewer: Viewer },
  recordId: string,
  timezone: string,
): Promise<TableRow | null> {
  try {
    const found = await services.records.getRecordRow({ ...dataset, recordId, timezone });
    return { id: recordId, values: renderRecord(found.row, found.columns, found.timezone) };
  } catch (error) {
    if (isPortalError(error) && error.status < 500) return null;
    throw error;
  }
}
