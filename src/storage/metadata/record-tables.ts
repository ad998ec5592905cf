// What the metadata repositories need to know of record tables, given by the engine that owns
// them (metadata/ does not import the engine's table layout).

export interface RecordTables {
  /** Whether a version's records table is still there. */
  exists(table: string): boolean;
  /** Drops a version's records table and what goes with it; no error when it is gone. */
  drop(table: string): void;
}
