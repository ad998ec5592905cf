// The API tab's console: ODSQL parameters read from the page URL, run through the records
// service exactly as the API runs them, and the answer (or ODS's error body) shown.

import type { Viewer } from '../../../core/access.ts';
import { PortalError, isPortalError } from '../../../core/errors.ts';
import type { PortalServices } from '../../../http/services.ts';
import type { TableState } from './table-state.ts';
import { facetFilters } from './table-state.ts';

export const CONSOLE_PARAMETERS = [
  'select',
  'where',
  'group_by',
  'order_by',
  'limit',
  'offset',
] as const;
export type ConsoleParameter = (typeof CONSOLE_PARAMETERS)[number];
export type ConsoleInput = Partial<Record<ConsoleParameter, string>>;

export interface ConsoleAnswer {
  status: number;
  body: unknown;
}

export function readConsoleInput(query: URLSearchParams): ConsoleInput | null {
  const input: ConsoleInput = {};
  for (const name of CONSOLE_PARAMETERS) {
    const value = query.get(name);
    if (value !== null && value.trim() !== '') input[name] = value;
  }
  return Object.keys(input).length > 0 || query.has('run') ? input : null;
}

function whole(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  if (!Number.isInteger(n)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for ${name} API parameter: "${text}" is not a whole number.`,
    });
  }
  return n;
}

/** Runs the console's query over the tab's filters; never throws for bad input. */
export async function runConsole(
  services: PortalServices,
  datasetId: string,
  state: TableState,
  input: ConsoleInput,
  viewer: Viewer,
): Promise<ConsoleAnswer> {
  try {
    const page = await services.records.queryRecords({
      datasetId,
      viewer,
      select: input.select,
      where: input.where ? [input.where] : [],
      groupBy: input.group_by,
      orderBy: input.order_by,
      limit: whole(input.limit, 'limit'),
      offset: whole(input.offset, 'offset'),
      qv1: state.q ? [state.q] : [],
      refine: facetFilters(state.refines),
      exclude: facetFilters(state.excludes),
    });
    const body =
      page.totalCount === undefined
        ? { results: page.results }
        : { total_count: page.totalCount, results: page.results };
    return { status: 200, body };
  } catch (error) {
    if (isPortalError(error) && error.status < 500) {
      return { status: error.status, body: { error_code: error.odsCode, message: error.message } };
    }
    throw error;
  }
}
