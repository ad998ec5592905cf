// What the export tab needs: how many records the filters keep, and a sample of them for the
// size estimates.

import type { Viewer } from '../../../core/access.ts';
import type { Dataset } from '../../../core/dataset.ts';
import { isPortalError } from '../../../core/errors.ts';
import type { PortalServices } from '../../../http/services.ts';
import type { TableState } from './table-state.ts';
import { facetFilters } from './table-state.ts';

const SAMPLE_SIZE = 50;

export interface ExportModel {
  count: number;
  sample: unknown[];
}

export async function loadExportModel(
  services: PortalServices,
  dataset: Dataset,
  state: TableState,
  viewer: Viewer,
): Promise<ExportModel> {
  try {
    const page = await services.records.queryRecords({
      datasetId: dataset.id,
      viewer,
      qv1: state.q ? [state.q] : [],
      refine: facetFilters(state.refines),
      exclude: facetFilters(state.excludes),
      limit: SAMPLE_SIZE,
    });
    return { count: page.totalCount ?? 0, sample: page.results };
  } catch (error) {
    // A search the table tab already reports as invalid exports nothing.
    if (isPortalError(error) && error.status === 400) return { count: 0, sample: [] };
    throw error;
  }
}
