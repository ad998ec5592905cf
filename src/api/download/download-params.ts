// The parameters of the front-office download URL, in their API v1 shapes: `fields=a,b`,
// `q=…`, `refine.<facet>=value`, `exclude.<facet>=value`, `csv_separator`, `use_labels_for_header`.

import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { repeated, single } from '../../http/query-params.ts';
import { odsqlName, odsqlString } from './odsql-text.ts';

/** `fields=a,b` → the ODSQL select `` `a`, `b` ``. */
export function selectOfFields(fields: string | undefined): string | undefined {
  if (fields === undefined || fields.trim() === '') return undefined;
  return fields
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map(odsqlName)
    .join(', ');
}

/** `refine.<facet>=value` parameters → ODSQL facet filters `` `facet`:"value" ``. */
export function facetFilters(query: QueryValues, prefix: 'refine.' | 'exclude.'): string[] {
  const filters: string[] = [];
  for (const name of Object.keys(query)) {
    if (!name.startsWith(prefix)) continue;
    const facet = name.slice(prefix.length);
    if (facet === '') {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: `The ${prefix}<facet> API parameter needs a facet name.`,
      });
    }
    for (const value of repeated(query, name))
      filters.push(`${odsqlName(facet)}:${odsqlString(value)}`);
  }
  return filters;
}

/** `q` and every `q.<name>`: v1 queries, ANDed. */
export function v1Queries(query: QueryValues): string[] {
  return Object.keys(query)
    .filter((name) => name === 'q' || name.startsWith('q.'))
    .flatMap((name) => repeated(query, name));
}

export function csvSeparator(query: QueryValues): string {
  const separator = single(query, 'csv_separator') ?? ';';
  if (![';', ',', '\t', '|'].includes(separator)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for csv_separator API parameter: "${separator}" is not one of ; , | or a tab.`,
    });
  }
  return separator;
}
