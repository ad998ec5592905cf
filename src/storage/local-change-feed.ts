// A change feed heard by this process only: what the SQLite engine offers (one file, one
// machine), and the base the PostgreSQL feed builds on.

import type { ChangeFeed, ChangeListener, ChangeTopic } from './change-feed.ts';

export class LocalChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  get shared(): boolean {
    return false;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(topic: Exclude<ChangeTopic, 'reset'>): Promise<void> {
    this.tell(topic);
  }

  /** Calls every listener; one that throws does not stop the others. */
  protected tell(topic: ChangeTopic): void {
    for (const listener of this.listeners) {
      try {
        listener(topic);
      } catch {
        // A listener only drops a cache; its failure must not break the write that told it.
      }
    }
  }
}
