// The catalog's query parameters (select, where, group_by, order_by, refine, exclude, qv1,
// limit, offset, timezone, lang), read from the query string of /catalog/datasets, its facets
// and its exports.

import type { CatalogRequest } from '../../catalog/index.ts';
import type { Viewer } from '../../core/access.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { integer, repeated, single } from '../../http/query-params.ts';

/** The languages ODS's `lang` parameter accepts. */
export const LANGUAGES = ['en', 'fr', 'nl', 'pt', 'it', 'ar', 'de', 'es', 'ca', 'eu', 'sv'];

/**
 * Checks `lang` and gives it in lower case (undefined when absent): metadata are given in that
 * language where translated. An unknown one is refused as ODS refuses values outside its list.
 */
export function checkLang(query: QueryValues): string | undefined {
  const lang = single(query, 'lang');
  if (lang === undefined || lang === '') return undefined;
  if (LANGUAGES.includes(lang.toLowerCase())) return lang.toLowerCase();
  throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
    detail: `Invalid value for lang API parameter: "${lang}" is not one of ${LANGUAGES.join(', ')}.`,
  });
}

export function catalogQueryInput(query: QueryValues, viewer: Viewer): CatalogRequest {
  const lang = checkLang(query);
  return {
    viewer,
    lang,
    select: single(query, 'select'),
    where: repeated(query, 'where'),
    qv1: repeated(query, 'qv1'),
    groupBy: single(query, 'group_by'),
    orderBy: single(query, 'order_by'),
    refine: repeated(query, 'refine'),
    exclude: repeated(query, 'exclude'),
    limit: integer(query, 'limit'),
    offset: integer(query, 'offset'),
    timezone: single(query, 'timezone'),
  };
}
