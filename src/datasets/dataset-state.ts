// A dataset's state as the back office shows it: whether the public sees it (draft, published,
// restricted), and whether its latest import failed (the public then still sees the version
// before, if any).

import type { Dataset, DatasetVersion } from '../core/dataset.ts';

export type Publication = 'draft' | 'published' | 'restricted';

/** What the list's state filter picks: a publication state, or a failed latest import. */
export type StateFilter = Publication | 'failed';

export const STATE_FILTERS: readonly StateFilter[] = ['draft', 'published', 'restricted', 'failed'];

export function isStateFilter(value: string): value is StateFilter {
  return (STATE_FILTERS as readonly string[]).includes(value);
}

export function publicationOf(dataset: Dataset): Publication {
  if (!dataset.published) return 'draft';
  return dataset.visibility === 'restricted' ? 'restricted' : 'published';
}

export function importFailed(latest: DatasetVersion | undefined): boolean {
  return latest?.status === 'failed';
}

export function matchesState(
  filter: StateFilter,
  publication: Publication,
  failed: boolean,
): boolean {
  return filter === 'failed' ? failed : publication === filter;
}
