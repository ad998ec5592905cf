// A serving process's link to its primary (node:cluster): the relay its SQLite change feed sends
// its changes through and hears the others' from, and the hub of the day's visitors. Questions
// wait a few seconds at most: a primary that does not answer costs a stale copy a little longer
// or a visitor count left for the next flush, never a stuck request.

import type { DayCount, DayHashes, VisitorHub } from '../analytics/visitor-tally.ts';
import type { ChangeRelay } from '../storage/engine.ts';
import type { Topic, ToPrimary, ToWorker } from './messages.ts';
import { TAG, isOurs } from './messages.ts';

/** How long a question waits for the primary's answer. */
const ANSWER_MS = 5_000;

type Question =
  | { kind: 'change'; topic: Topic }
  | { kind: 'salt'; day: string }
  | { kind: 'visitors'; batches: DayHashes[] };

export class PrimaryLink implements ChangeRelay, VisitorHub {
  private lastId = 0;
  private readonly waiting = new Map<number, (value: ToWorker & { kind: 'answer' }) => void>();
  private readonly listeners: ((topic: Topic) => void)[] = [];

  constructor() {
    process.on('message', (message) => {
      if (isOurs<ToWorker>(message)) this.heard(message);
    });
  }

  get connected(): boolean {
    return process.connected === true;
  }

  /** Resolves once every other serving process heard the change (or the primary gave up). */
  async send(topic: Topic): Promise<void> {
    await this.ask({ kind: 'change', topic });
  }

  listen(listener: (topic: Topic) => void): void {
    this.listeners.push(listener);
  }

  async salt(day: string): Promise<Buffer | null> {
    const answer = await this.ask({ kind: 'salt', day });
    return typeof answer?.value === 'string' ? Buffer.from(answer.value, 'base64') : null;
  }

  async add(batches: DayHashes[]): Promise<DayCount[]> {
    const answer = await this.ask({ kind: 'visitors', batches });
    return Array.isArray(answer?.value) ? answer.value : [];
  }

  /** The primary's answer, or null when it could not be asked or did not answer in time. */
  private ask(question: Question): Promise<(ToWorker & { kind: 'answer' }) | null> {
    if (!process.send || !this.connected) return Promise.resolve(null);
    const id = (this.lastId += 1);
    return new Promise((resolve) => {
      const done = (answer: (ToWorker & { kind: 'answer' }) | null) => {
        this.waiting.delete(id);
        clearTimeout(timer);
        resolve(answer);
      };
      const timer = setTimeout(() => done(null), ANSWER_MS);
      timer.unref();
      this.waiting.set(id, done);
      const message: ToPrimary = { tag: TAG, id, ...question };
      process.send!(message, undefined, undefined, (error: Error | null) => {
        if (error) done(null);
      });
    });
  }

  private heard(message: ToWorker): void {
    if (message.kind === 'answer') {
      this.waiting.get(message.id)?.(message);
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(message.topic);
      } catch {
        // A listener only drops a cache: the acknowledgement goes anyway.
      }
    }
    const heard: ToPrimary = { tag: TAG, kind: 'heard', id: message.id };
    process.send?.(heard, undefined, undefined, () => undefined);
  }
}
