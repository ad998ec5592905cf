// The datasets a store keeps in memory between requests, frozen (callers must not change them),
// by id and as the whole list. When what is kept is still right is the store's to decide: SQLite
// checks its metadata generation, PostgreSQL hears its change feed.

import type { Dataset } from '../core/dataset.ts';
import { deepFreeze } from '../util/deep-freeze.ts';

/** Datasets kept at most; a portal with more reads the others from its store each time. */
const MAX_KEPT = 2_000;

export class FrozenDatasets {
  private readonly byId = new Map<string, Dataset>();
  private list: readonly Dataset[] | null = null;

  /** The dataset kept under `id`, if any. */
  get(id: string): Dataset | undefined {
    return this.byId.get(id);
  }

  /** Every dataset, if the list is kept (a new array each time). */
  all(): Dataset[] | null {
    return this.list === null ? null : [...this.list];
  }

  /** Keeps `dataset` (frozen in place) unless the map is full; false when it was not kept. */
  keep(dataset: Dataset): boolean {
    if (this.byId.size >= MAX_KEPT) return false;
    this.byId.set(dataset.id, deepFreeze(dataset));
    return true;
  }

  /** Keeps the whole list (each dataset frozen in place). */
  keepAll(datasets: readonly Dataset[]): void {
    this.list = datasets.map((dataset) => deepFreeze(dataset));
  }

  clear(): void {
    this.byId.clear();
    this.list = null;
  }
}
