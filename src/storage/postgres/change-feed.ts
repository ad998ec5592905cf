// The change feed across processes: each engine LISTENs on one channel of the database on a
// connection of its own, and a write is told with pg_notify (schema, topic, and the sender, who
// has already told its own listeners). Triggers send 'datasets' notices too, at the commit of
// any change to what a dataset is read from (migration 13; their sender is 'database'). When
// that connection drops, the feed says it is no longer shared and tells `reset`, reconnects with
// a growing delay, and tells `reset` again once back: the changes made meanwhile were not heard.

import { randomBytes } from 'node:crypto';

import pg from 'pg';

import type { ChangeTopic } from '../change-feed.ts';
import { LocalChangeFeed } from '../local-change-feed.ts';
import type { PoolSettings } from './connection.ts';
import { clientConfig } from './connection.ts';

export const CHANGES_CHANNEL = 'datagora_changes';

const TOPICS: ReadonlySet<string> = new Set(['settings', 'consent', 'datasets']);
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

export class PostgresChangeFeed extends LocalChangeFeed {
  /** Tells this engine's notices from the others'. */
  private readonly sender = randomBytes(8).toString('hex');
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: PoolSettings,
    private readonly pool: pg.Pool,
  ) {
    super();
  }

  override get shared(): boolean {
    return this.listening;
  }

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  override async publish(topic: Exclude<ChangeTopic, 'reset'>): Promise<void> {
    this.tell(topic);
    const payload = `${this.settings.schema}:${topic}:${this.sender}`;
    // A notice that cannot be sent is a cache kept a little longer elsewhere: never an error.
    await this.pool
      .query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, payload])
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(clientConfig({ ...this.settings, statementTimeoutMs: 0 }));
    client.on('notification', (message) => this.heard(message.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = true;
    this.retryMs = FIRST_RETRY_MS;
  }

  private heard(payload: string): void {
    const [schema, topic, sender] = payload.split(':');
    if (schema !== this.settings.schema || sender === this.sender) return;
    if (topic !== undefined && TOPICS.has(topic)) this.tell(topic as ChangeTopic);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    client.end().catch(() => undefined);
    this.tell('reset');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().then(
        () => this.tell('reset'),
        () => {
          this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
          this.scheduleRetry();
        },
      );
    }, this.retryMs);
    this.retry.unref();
  }
}
