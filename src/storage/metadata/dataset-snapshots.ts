// Datasets kept in memory between requests. Every API call reads its dataset (three or four
// statements and a JSON parse of its metadata): here a dataset read once is kept, frozen, and
// answered again as long as the store's metadata generation (migration 12: triggers count every
// change to datasets, versions, attachments and grants, whichever connection or process makes
// it) has not moved. Checking it is one single-row read, so the answer stays exact across
// processes. Inside a transaction the store is read directly: what it sees may yet roll back.

import type Database from 'better-sqlite3';

import type { Dataset } from '../../core/dataset.ts';
import { deepFreeze } from '../../util/deep-freeze.ts';

/** Datasets kept at most; a portal with more reads the others from the store each time. */
const MAX_KEPT = 2_000;

export class DatasetSnapshots {
  private readonly readGeneration: Database.Statement;
  private generation: number | null = null;
  private readonly byId = new Map<string, Dataset>();
  private list: readonly Dataset[] | null = null;

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
    const kept = this.byId.get(id);
    if (kept !== undefined) return kept;
    const dataset = this.load(id);
    // Missing ids are not kept: a client asking for many would only fill the map.
    if (dataset !== null && this.byId.size < MAX_KEPT) this.byId.set(id, deepFreeze(dataset));
    return dataset;
  }

  /** Every dataset, by id (a new array of frozen datasets). */
  all(): Dataset[] {
    if (!this.current()) return this.loadAll();
    this.list ??= this.loadAll().map((dataset) => deepFreeze(dataset));
    return [...this.list];
  }

  /** False inside a transaction; else drops what was kept if the generation moved. */
  private current(): boolean {
    if (this.db.inTransaction) return false;
    const generation = this.readGeneration.get() as number;
    if (generation !== this.generation) {
      this.generation = generation;
      this.byId.clear();
      this.list = null;
    }
    return true;
  }
}
