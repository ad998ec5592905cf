import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset } from '../../core/dataset.ts';
import { LocalChangeFeed } from '../local-change-feed.ts';
import type { MetadataStore } from '../engine.ts';
import { KEPT_DATASETS_MAX_AGE_MS, keptDatasets } from './kept-datasets.ts';

/** A feed whose `shared` the test sets (the LISTEN connection up or down). */
class SwitchedFeed extends LocalChangeFeed {
  up = true;
  override get shared(): boolean {
    return this.up;
  }
  /** What the feed tells when its connection drops or comes back. */
  lose(): void {
    this.tell('reset');
  }
}

/** A store that counts its reads; `hold` makes the next read wait until released. */
function countingStore(title: () => string) {
  const reads = { one: 0, all: 0 };
  let held: Promise<void> | null = null;
  const dataset = (id: string) => ({ id, metas: { title: title() } }) as unknown as Dataset;
  const store = {
    async getDataset(id: string) {
      reads.one += 1;
      const made = dataset(id);
      await held;
      return made;
    },
    async listDatasets() {
      reads.all += 1;
      return [dataset('a'), dataset('b')];
    },
    async setPublished(this: MetadataStore, id: string) {
      return (await this.getDataset(id))!;
    },
  } as unknown as MetadataStore;
  const hold = () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = null;
      release();
    };
  };
  return { store, reads, hold };
}

test('reads are kept while the feed is shared, and dropped by a datasets or reset notice', async () => {
  let title = 'one';
  const feed = new SwitchedFeed();
  const { store, reads } = countingStore(() => title);
  const kept = keptDatasets(store, feed);
  const first = await kept.getDataset('a');
  assert.equal(await kept.getDataset('a'), first);
  assert.ok(Object.isFrozen(first));
  await kept.listDatasets();
  await kept.listDatasets();
  assert.deepEqual(reads, { one: 1, all: 1 });

  title = 'two';
  await feed.publish('settings');
  assert.equal((await kept.getDataset('a'))?.metas.title, 'one', 'another topic keeps them');
  await feed.publish('datasets');
  assert.equal((await kept.getDataset('a'))?.metas.title, 'two');
  title = 'three';
  feed.lose();
  assert.equal((await kept.getDataset('a'))?.metas.title, 'three');
  assert.equal((await kept.listDatasets())[0]?.metas.title, 'three');
});

test('nothing is kept while the feed does not hear every process', async () => {
  const feed = new SwitchedFeed();
  feed.up = false;
  const { store, reads } = countingStore(() => 'x');
  const kept = keptDatasets(store, feed);
  await kept.getDataset('a');
  await kept.getDataset('a');
  await kept.listDatasets();
  await kept.listDatasets();
  assert.deepEqual(reads, { one: 2, all: 2 });
});

test('a read that began before a change is not kept', async () => {
  let title = 'old';
  const feed = new SwitchedFeed();
  const { store, reads, hold } = countingStore(() => title);
  const kept = keptDatasets(store, feed);
  const release = hold();
  const reading = kept.getDataset('a');
  title = 'new';
  await feed.publish('datasets');
  release();
  assert.equal((await reading)?.metas.title, 'old');
  assert.equal((await kept.getDataset('a'))?.metas.title, 'new');
  assert.equal(reads.one, 2);
});

test("the store's own methods read the store, not what was kept", async () => {
  let title = 'kept';
  const feed = new SwitchedFeed();
  const { store } = countingStore(() => title);
  const kept = keptDatasets(store, feed);
  await kept.getDataset('a');
  title = 'written';
  assert.equal((await kept.setPublished('a', false)).metas.title, 'written');
});

test('nothing is kept longer than the safety net, notice or not', async () => {
  let title = 'first';
  let now = 1_000_000;
  const feed = new SwitchedFeed();
  const { store, reads } = countingStore(() => title);
  const kept = keptDatasets(store, feed, () => now);
  await kept.getDataset('a');
  await kept.listDatasets();
  title = 'second';
  now += KEPT_DATASETS_MAX_AGE_MS;
  assert.equal((await kept.getDataset('a'))?.metas.title, 'first', 'still within the limit');
  now += 1;
  assert.equal((await kept.getDataset('a'))?.metas.title, 'second');
  assert.equal((await kept.listDatasets())[0]?.metas.title, 'second');
  assert.deepEqual(reads, { one: 2, all: 2 });
});
