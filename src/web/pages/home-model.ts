// Counts of a list-valued metadata field (themes) over the datasets, most used first.

import type { Dataset } from '../../core/dataset.ts';

export function flatFacetValues(
  datasets: Dataset[],
  key: 'theme' | 'keyword',
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const dataset of datasets) {
    for (const value of new Set(dataset.metas[key] ?? [])) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'));
}
