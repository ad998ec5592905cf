// Datasets kept in memory between requests. Every API call reads its dataset (three or four
// statements and a JSON parse of its metadata): here a dataset read once is kept, frozen, and
// answered again as long as the store's metadata generation (migration 12: triggers count every
// change to datasets, versions, attachments and grants, whichever connection or process makes
// it) has not moved. Checking it is one single-row read, so the answer stays exact across
// processes. Inside a transaction the store is read directly: what it sees may yet roll back.

import type Database from 'better-sqlite3';

import type { Dataset } from '../../core/dataset.ts';
import { FrozenDatasets } from '../frozen-datasets.ts';

export class DatasetSnapshots {
  private readonly readGeneration: Database.Statement;
  private generation: number | null = null;
  private readonly kept = new FrozenDatasets();

  constructor(
    private readonly db: Database.Database,
    private readonly load: (id: string) => Dataset | null,
    private readonly loadAll: () => Dataset[],
  ) {
    this.readGeneration = db.prepare('SELECT value FROM metadata_generation').pluck();
  }

  /** The dataset as the store holds it now (frozen: callers must not change it), or null. */
  get(id: string): Dataset | null {
    if (!this.current()) return this.load(id);
    const kept = this.kept.get(id);
    if (kept !== undefined) return kept;
    const dataset = this.load(id);
    // Missing ids are not kept: a client asking for many would only fill the map.
    if (dataset !== null) this.kept.keep(dataset);
    return dataset;
  }

  /** Every dataset, by id (a new array of frozen datasets). */
  all(): Dataset[] {
    if (!this.current()) return this.loadAll();
    const kept = this.kept.all();
    if (kept !== null) return kept;
    const datasets = this.loadAll();
    this.kept.keepAll(datasets);
    return [...datasets];
  }

  /** False inside a transaction; else drops what was kept if the generation moved. */
  private current(): boolean {
    if (this.db.inTransaction) return false;
    const generation = this.readGeneration.get() as number;
    if (generation !== this.generation) {
      this.generation = generation;
      this.kept.clear();
    }
    return true;
  }
}
