// The series parameters of API v1's analyze and geocluster: `y.<name>.func`, `y.<name>.expr`,
// `y.<name>.cumulative`, in the order their names first appear.

import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';
import type { Serie, SerieFunction } from '../../records/index.ts';
import { SERIE_FUNCTIONS } from '../../records/index.ts';

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

export function v1Series(query: QueryValues): Serie[] {
  const names: string[] = [];
  for (const key of Object.keys(query)) {
    const match = /^y\.(.+)\.(func|expr|cumulative)$/.exec(key);
    if (match && !names.includes(match[1] as string)) names.push(match[1] as string);
  }
  return names.map((name) => {
    const raw = single(query, `y.${name}.func`);
    if (raw === undefined) throw invalid(`The y.${name}.func API parameter is required.`);
    const func = raw.trim().toUpperCase();
    if (!(SERIE_FUNCTIONS as readonly string[]).includes(func)) {
      throw invalid(
        `Invalid value for y.${name}.func API parameter: "${raw}" is not one of ${SERIE_FUNCTIONS.join(', ')}.`,
      );
    }
    const expr = single(query, `y.${name}.expr`);
    return {
      name,
      func: func as SerieFunction,
      ...(expr === undefined ? {} : { expr }),
      cumulative: boolean(query, `y.${name}.cumulative`, false),
    };
  });
}
