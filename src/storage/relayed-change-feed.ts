// The SQLite change feed of a process that serves beside others on one machine: its own changes
// are told here and sent through the relay, and the others' come back through it, so every
// process hears every save (what PostgreSQL's LISTEN gives across machines).

import type { ChangeRelay, ChangeTopic } from './change-feed.ts';
import { LocalChangeFeed } from './local-change-feed.ts';

export class RelayedChangeFeed extends LocalChangeFeed {
  constructor(private readonly relay: ChangeRelay) {
    super();
    relay.listen((topic) => this.tell(topic));
  }

  override get shared(): boolean {
    return this.relay.connected;
  }

  /** Resolves once the other processes heard it, so a saved change shows at their next request. */
  override async publish(topic: Exclude<ChangeTopic, 'reset'>): Promise<void> {
    this.tell(topic);
    // A change that cannot be relayed is a copy kept a little longer elsewhere: never an error.
    await this.relay.send(topic).catch(() => undefined);
  }
}
