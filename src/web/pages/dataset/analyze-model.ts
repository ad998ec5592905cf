// The analyze tab's data: the chart's aggregation run by the records service (the same query
// the Explore API runs), shaped for drawing.

import type { Viewer } from '../../../core/access.ts';
import type { Dataset } from '../../../core/dataset.ts';
import { isPortalError } from '../../../core/errors.ts';
import type { PortalServices } from '../../../http/services.ts';
import type { ChartData, ChartRow } from '../../components/charts/chart-data.ts';
import { SITE_TIME_ZONE } from '../../components/dates.ts';
import { toChartData } from '../../components/charts/chart-data.ts';
import type { ChartSpec } from './analyze-state.ts';
import { chartQuery } from './analyze-state.ts';
import type { TableState } from './table-state.ts';
import { facetFilters } from './table-state.ts';

/** Groups read for one chart: enough for ten years of days. */
const MAX_GROUPS = 5000;

export interface AnalyzeModel {
  data: ChartData | null;
  /** The Explore API call that gives the same values. */
  query: { select: string; groupBy: string; orderBy: string };
  error: string | null;
}

export async function loadAnalyze(
  services: PortalServices,
  dataset: Dataset,
  state: TableState,
  spec: ChartSpec,
  emptyLabel: string,
  viewer: Viewer,
): Promise<AnalyzeModel> {
  const query = chartQuery(spec, dataset.current?.fields ?? []);
  try {
    const page = await services.records.queryRecords({
      datasetId: dataset.id,
      viewer,
      select: query.select,
      groupBy: query.groupBy,
      orderBy: query.orderBy,
      limit: MAX_GROUPS,
      qv1: state.q ? [state.q] : [],
      refine: facetFilters(state.refines),
      exclude: facetFilters(state.excludes),
      // Periods are those of the dataset's own time zone, as the table shows its dates.
      timezone: dataset.metas.timezone ?? SITE_TIME_ZONE,
    });
    const rows: ChartRow[] = page.results.map((r) => ({
      x: r['x'],
      y: r['y'],
      series: r['series'],
    }));
    const data = toChartData(rows, {
      maxCategories: spec.type === 'pie' ? 8 : spec.type === 'line' ? MAX_GROUPS : 30,
      maxSeries: spec.type === 'pie' ? 1 : 6,
      emptyLabel,
      split: spec.series !== null && spec.type !== 'pie',
    });
    return { data, query, error: null };
  } catch (error) {
    if (isPortalError(error) && error.status === 400)
      return { data: null, query, error: error.message };
    throw error;
  }
}
