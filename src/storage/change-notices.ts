// Wraps a store so that its writes tell the change feed, once done: the portal settings and the
// logo ('settings'), the third-party services ('consent'), datasets, their versions, fields,
// attachments and grants ('datasets'). Both engines wrap their stores with these, so no write
// path can forget.

import type { AccountStore } from './account-store.ts';
import type { ChangeFeed, ChangeTopic } from './change-feed.ts';
import type { ConsentStore } from './consent-store.ts';
import type { MetadataStore, VersionWriter } from './engine.ts';
import type { PortalSettingsStore } from './portal-settings-store.ts';
import type { SchemaStore } from './schema-store.ts';

type Method = (...args: unknown[]) => unknown;

/** `store`, whose `writes` publish `topic` after they succeed (their results unchanged). */
function withNotices<T extends object>(
  store: T,
  writes: readonly (keyof T)[],
  feed: ChangeFeed,
  topic: Exclude<ChangeTopic, 'reset'>,
): T {
  const wrapped = new Map<PropertyKey, Method>();
  for (const name of writes) {
    const original = store[name] as unknown as Method;
    wrapped.set(name, async (...args: unknown[]) => {
      const result = await original.apply(store, args);
      await feed.publish(topic);
      return result;
    });
  }
  return new Proxy(store, {
    get(target, property, receiver) {
      return wrapped.get(property) ?? Reflect.get(target, property, receiver);
    },
  });
}

export function settingsWithNotices(
  store: PortalSettingsStore,
  feed: ChangeFeed,
): PortalSettingsStore {
  return withNotices(store, ['saveSettings', 'putAsset', 'deleteAsset'], feed, 'settings');
}

export function consentWithNotices(store: ConsentStore, feed: ChangeFeed): ConsentStore {
  return withNotices(store, ['saveService', 'deleteService'], feed, 'consent');
}

export function metadataWithNotices(store: MetadataStore, feed: ChangeFeed): MetadataStore {
  return withNotices(
    store,
    [
      'saveDataset',
      'saveAttachment',
      'deleteAttachment',
      'setPublished',
      'deleteDataset',
      'rollbackDataset',
    ],
    feed,
    'datasets',
  );
}

/** The account writes that change who may read a dataset (its grants). */
export function accountsWithNotices(store: AccountStore, feed: ChangeFeed): AccountStore {
  return withNotices(
    store,
    ['grant', 'revokeGrant', 'deleteUser', 'deleteGroup'],
    feed,
    'datasets',
  );
}

/** The schema writes that change a dataset's current fields. */
export function schemasWithNotices(store: SchemaStore, feed: ChangeFeed): SchemaStore {
  return withNotices(store, ['replaceCurrentFields'], feed, 'datasets');
}

/** A version writer whose commit tells the feed that a dataset changed. */
export function writerWithNotices(writer: VersionWriter, feed: ChangeFeed): VersionWriter {
  return withNotices(writer, ['commit'], feed, 'datasets');
}
