// The key under which a rendered page of records is kept (records-service.ts): every part of a
// request that can change the page, beside the dataset's stamp. The viewer is not in it (access
// is checked before, and the rows do not depend on who asks), nor the trace, nor the dataset
// object a caller may hand over (the stamp is made from it).

import type { RecordsRequest } from './records-service.ts';

/** The request's parts a page depends on, in a fixed order. */
const PAGE_PARTS = [
  'select',
  'where',
  'groupBy',
  'orderBy',
  'refine',
  'exclude',
  'qv1',
  'limit',
  'offset',
  'timezone',
  'lang',
  'withRecordIds',
] as const satisfies readonly (keyof RecordsRequest)[];

// A part added to RecordsRequest must be named above (or here, if a page cannot depend on it):
// this fails to compile until it is.
type Unkeyed = Exclude<keyof RecordsRequest, (typeof PAGE_PARTS)[number]>;
const UNKEYED: Record<Unkeyed, true> = {
  datasetId: true,
  viewer: true,
  trace: true,
  dataset: true,
};
void UNKEYED;

/** The page key of `request`, its time zone as checked (`timezone`). */
export function pageKey(request: RecordsRequest, timezone: string): string {
  return JSON.stringify(
    PAGE_PARTS.map((part) => (part === 'timezone' ? timezone : (request[part] ?? null))),
  );
}
