// Datasets kept in memory between requests on PostgreSQL. Reading a dataset there takes four
// statements, each a round trip to the server, and every API call reads its dataset: that
// bounded the cached answers near 2,000 a second on two cores. Here a dataset read once is kept,
// frozen, while the change feed hears every process (its LISTEN connection up); any change to
// datasets, versions, attachments or grants drops them all, told by the database itself at
// commit (migration 13) and, for this process's own writes, by the store wrappers before the
// write returns. While the feed is down every read goes to the server, as before; and nothing is
// kept longer than 30 seconds, in case the feed's connection died unheard.

import type { Dataset } from '../../core/dataset.ts';
import type { ChangeFeed } from '../change-feed.ts';
import type { MetadataStore } from '../engine.ts';
import { FrozenDatasets } from '../frozen-datasets.ts';

/**
 * The longest a dataset is kept without a notice: a safety net should the LISTEN connection die
 * without the feed hearing it (no keepalive on that connection, a peer gone silent). Reading a
 * dataset again costs four statements, twice a minute.
 */
export const KEPT_DATASETS_MAX_AGE_MS = 30_000;

class KeptDatasets {
  private readonly kept = new FrozenDatasets();
  /** Moves at each change heard: a read that began before it must not be kept. */
  private epoch = 0;
  /** When the oldest dataset kept was read (null: nothing kept). */
  private keptSince: number | null = null;

  constructor(
    private readonly store: MetadataStore,
    private readonly feed: ChangeFeed,
    private readonly now: () => number,
  ) {
    feed.subscribe((topic) => {
      if (topic === 'datasets' || topic === 'reset') this.drop();
    });
  }

  async get(id: string): Promise<Dataset | null> {
    if (!this.feed.shared) return this.store.getDataset(id);
    this.dropIfOld();
    const kept = this.kept.get(id);
    if (kept !== undefined) return kept;
    const epoch = this.epoch;
    const dataset = await this.store.getDataset(id);
    // Missing ids are not kept: a client asking for many would only fill the map.
    if (dataset !== null && this.keeps(epoch) && this.kept.keep(dataset)) {
      this.keptSince ??= this.now();
    }
    return dataset;
  }

  async all(): Promise<Dataset[]> {
    if (!this.feed.shared) return this.store.listDatasets();
    this.dropIfOld();
    const kept = this.kept.all();
    if (kept !== null) return kept;
    const epoch = this.epoch;
    const datasets = await this.store.listDatasets();
    if (this.keeps(epoch)) {
      this.kept.keepAll(datasets);
      this.keptSince ??= this.now();
    }
    return datasets;
  }

  private dropIfOld(): void {
    if (this.keptSince !== null && this.now() - this.keptSince > KEPT_DATASETS_MAX_AGE_MS) {
      this.drop();
    }
  }

  /** True when nothing changed since `epoch` and the feed still hears every process. */
  private keeps(epoch: number): boolean {
    return epoch === this.epoch && this.feed.shared;
  }

  private drop(): void {
    this.epoch += 1;
    this.kept.clear();
    this.keptSince = null;
  }
}

/** `store`, whose `getDataset` and `listDatasets` answer from memory while `feed` is shared. */
export function keptDatasets(
  store: MetadataStore,
  feed: ChangeFeed,
  now: () => number = Date.now,
): MetadataStore {
  const kept = new KeptDatasets(store, feed, now);
  const reads = new Map<PropertyKey, unknown>([
    ['getDataset', (id: string) => kept.get(id)],
    ['listDatasets', () => kept.all()],
  ]);
  return new Proxy(store, {
    get(target, property) {
      if (reads.has(property)) return reads.get(property);
      const value: unknown = Reflect.get(target, property, target);
      // The store's own methods read through themselves: a write that reads its result back
      // must see the server, not what was kept before it.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
