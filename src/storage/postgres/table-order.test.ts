import assert from 'node:assert/strict';
import { test } from 'node:test';

import { foreignKeyOrder } from './table-order.ts';

test('parents come before the tables that point to them', () => {
  const { order, deferred } = foreignKeyOrder(
    ['sessions', 'users', 'group_members', 'user_groups'],
    [
      { child: 'sessions', parent: 'users', columns: ['user_id'], nullable: true },
      { child: 'group_members', parent: 'users', columns: ['user_id'], nullable: true },
      { child: 'group_members', parent: 'user_groups', columns: ['group_id'], nullable: true },
    ],
  );
  assert.deepEqual(order, ['users', 'sessions', 'user_groups', 'group_members']);
  assert.equal(deferred.size, 0);
});

test('a cycle is broken by deferring the columns of one of its keys', () => {
  const { order, deferred } = foreignKeyOrder(
    ['datasets', 'dataset_versions', 'attachments'],
    [
      {
        child: 'datasets',
        parent: 'dataset_versions',
        columns: ['current_version_id'],
        nullable: true,
      },
      { child: 'dataset_versions', parent: 'datasets', columns: ['dataset_id'], nullable: true },
      { child: 'attachments', parent: 'datasets', columns: ['dataset_id'], nullable: true },
    ],
  );
  assert.deepEqual(order, ['datasets', 'dataset_versions', 'attachments']);
  assert.deepEqual([...deferred], [['datasets', ['current_version_id']]]);
});

test('a key that cannot be null is never the one deferred', () => {
  const { order, deferred } = foreignKeyOrder(
    ['dataset_grants', 'datasets', 'dataset_versions'],
    [
      { child: 'dataset_grants', parent: 'datasets', columns: ['dataset_id'], nullable: false },
      {
        child: 'datasets',
        parent: 'dataset_versions',
        columns: ['current_version_id'],
        nullable: true,
      },
      { child: 'dataset_versions', parent: 'datasets', columns: ['dataset_id'], nullable: false },
    ],
  );
  assert.deepEqual(order, ['datasets', 'dataset_grants', 'dataset_versions']);
  assert.deepEqual([...deferred], [['datasets', ['current_version_id']]]);
});

test('a cycle of keys that cannot be null is an error', () => {
  assert.throws(
    () =>
      foreignKeyOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b', columns: ['b_id'], nullable: false },
          { child: 'b', parent: 'a', columns: ['a_id'], nullable: false },
        ],
      ),
    /no order satisfies the foreign keys of a, b/,
  );
});

test('keys to tables outside the set and self-references are ignored', () => {
  const { order, deferred } = foreignKeyOrder(
    ['b', 'a'],
    [
      { child: 'a', parent: 'a', columns: ['parent_id'], nullable: true },
      { child: 'b', parent: 'elsewhere', columns: ['x'], nullable: true },
    ],
  );
  assert.deepEqual(order, ['b', 'a']);
  assert.equal(deferred.size, 0);
});
