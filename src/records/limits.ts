// The paging rules of the Explore API v2.1, as ODS applies them.

import { PortalError } from '../core/errors.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_RECORDS_LIMIT = 100;
export const MAX_GROUPS_LIMIT = 20_000;
/** Without group_by, offset + limit may not exceed this (exports have no such cap). */
export const MAX_RECORDS_WINDOW = 10_000;

export interface Paging {
  limit: number;
  offset: number;
}

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/**
 * Checks limit and offset for a records query; `limit = -1` means the largest page allowed.
 * Aggregations (group_by or aggregates) may return up to 20,000 rows.
 */
export function checkPaging(
  limit: number | undefined,
  offset: number | undefined,
  aggregated: boolean,
): Paging {
  const max = aggregated ? MAX_GROUPS_LIMIT : MAX_RECORDS_LIMIT;
  const requested = limit ?? DEFAULT_LIMIT;
  if (requested < -1 || requested > max) {
    throw invalid(
      `Invalid value for limit API parameter: ${requested} was found but -1 <= limit <= ${max} is expected.`,
    );
  }
  const start = offset ?? 0;
  if (start < 0) {
    throw invalid(
      `Invalid value for offset API parameter: ${start} was found but offset >= 0 is expected.`,
    );
  }
  const pageSize = requested === -1 ? max : requested;
  const window = aggregated ? MAX_GROUPS_LIMIT : MAX_RECORDS_WINDOW;
  if (start + pageSize > window) {
    throw invalid(
      `Invalid value for offset API parameter: offset + limit must be <= ${window}, but ${start} + ${pageSize} = ${start + pageSize} was found.`,
    );
  }
  return { limit: pageSize, offset: start };
}
