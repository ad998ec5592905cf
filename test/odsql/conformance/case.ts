// The shape of a conformance case: API parameters and the answer expected, worked out by hand
// from dataset.ts. `ids` lists the matching records' ids in order (default order: load order);
// `rows` is the exact `results` array. `postgres` holds PostgreSQL's ids where docs/odsql.md
// documents a difference (full-text stemming); `dataset` queries another conformance dataset.

import type { Params } from './portal.ts';

export interface Case {
  name: string;
  q: Params;
  ids?: string[];
  rows?: Record<string, unknown>[];
  postgres?: string[];
  dataset?: string;
}

/** 'acg' → ['a', 'c', 'g']. */
const letters = (ids: string): string[] => ids.split('');

/** A where condition and the ids it keeps, optionally with other parameters (timezone…). */
export function where(condition: string, ids: string, extra: Params = {}): Case {
  const zone = extra['timezone'] ? ` [${String(extra['timezone'])}]` : '';
  return {
    name: `where ${condition}${zone}`,
    q: { where: condition, ...extra },
    ids: letters(ids),
  };
}

/** Any parameters and the ids they return. */
export function query(q: Params, ids: string): Case {
  return { name: JSON.stringify(q), q, ids: letters(ids) };
}

/** A where condition whose ids differ on PostgreSQL (stemmed), optionally on another dataset. */
export function stemmed(condition: string, ids: string, postgres: string, dataset?: string): Case {
  return {
    name: `where ${condition} (stemmed${dataset ? `, ${dataset}` : ''})`,
    q: { where: condition },
    ids: letters(ids),
    postgres: letters(postgres),
    ...(dataset ? { dataset } : {}),
  };
}

/** Any parameters and the exact results. */
export function rows(q: Params, expected: Record<string, unknown>[]): Case {
  return { name: JSON.stringify(q), q, rows: expected };
}
