// The ODSQL and paging parameters shared by /records and /exports, read from the query string.

import type { Viewer } from '../../core/access.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer, repeated, single } from '../../http/query-params.ts';
import type { RecordsRequest } from '../../records/index.ts';

export function recordsQueryInput(
  datasetId: string,
  viewer: Viewer,
  query: QueryValues,
): RecordsRequest {
  return {
    datasetId,
    viewer,
    select: single(query, 'select'),
    where: repeated(query, 'where'),
    groupBy: single(query, 'group_by'),
    orderBy: single(query, 'order_by'),
    refine: repeated(query, 'refine'),
    exclude: repeated(query, 'exclude'),
    qv1: repeated(query, 'qv1'),
    limit: integer(query, 'limit'),
    offset: integer(query, 'offset'),
    timezone: single(query, 'timezone'),
    lang: single(query, 'lang'),
  };
}
