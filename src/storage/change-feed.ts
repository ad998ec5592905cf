// The storage contract for changes other processes must hear of: a store tells its change feed
// when it writes something a process may keep in memory (the portal settings, the consent
// policy, datasets), and every process of the store hears it. Services drop their copies then.

/** What changed. `reset`: changes may have been missed (the feed reconnected); drop everything. */
export type ChangeTopic = 'settings' | 'consent' | 'datasets' | 'reset';

export type ChangeListener = (topic: ChangeTopic) => void;

export interface ChangeFeed {
  /**
   * True while the feed hears the changes of every process of the store (PostgreSQL, its
   * LISTEN connection up; SQLite served by several processes of one machine, relayed by their
   * primary); false when it hears only this process's own (SQLite alone, or the connection
   * down): a copy may then be stale, and services keep theirs only a few seconds.
   */
  readonly shared: boolean;
  /** Calls `listener` for each change; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void;
  /** Tells every process (this one included) that `topic` changed. Never throws. */
  publish(topic: Exclude<ChangeTopic, 'reset'>): Promise<void>;
}

/**
 * How the processes serving one SQLite file on one machine tell each other of changes (the
 * serving processes' primary forwards them; `src/cluster/`). The storage only uses it.
 */
export interface ChangeRelay {
  /** True while the other processes can be told (the relay's own link is up). */
  readonly connected: boolean;
  /** Tells the other processes; resolves once they have heard it (or gave up waiting). */
  send(topic: Exclude<ChangeTopic, 'reset'>): Promise<void>;
  /** Calls `listener` with each change another process sends. */
  listen(listener: (topic: Exclude<ChangeTopic, 'reset'>) => void): void;
}
