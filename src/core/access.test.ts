import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Viewer } from './access.ts';
import { ANONYMOUS, canEdit, canRead } from './access.ts';

const user = (over: Partial<Viewer> = {}): Viewer => ({
  via: 'session',
  userId: 'us_a',
  role: 'user',
  groupIds: [],
  editsAllDatasets: false,
  editableDatasets: [],
  scope: 'write',
  ...over,
});

const open = {
  id: 'open',
  visibility: 'domain' as const,
  published: true,
  access: { userIds: [], groupIds: [] },
};
const closed = {
  id: 'closed',
  visibility: 'restricted' as const,
  published: true,
  access: { userIds: ['us_b'], groupIds: ['gr_x'] },
};

describe('canRead', () => {
  it('lets everyone read a public dataset', () => {
    assert.equal(canRead(ANONYMOUS, open), true);
    assert.equal(canRead(user(), open), true);
  });

  it('hides a restricted dataset from anonymous visitors and users without a grant', () => {
    assert.equal(canRead(ANONYMOUS, closed), false);
    assert.equal(canRead(user(), closed), false);
  });

  it('shows it to a granted user, a member of a granted group, an administrator, its editors', () => {
    assert.equal(canRead(user({ userId: 'us_b' }), closed), true);
    assert.equal(canRead(user({ groupIds: ['gr_y', 'gr_x'] }), closed), true);
    assert.equal(canRead(user({ role: 'admin' }), closed), true);
    assert.equal(canRead(user({ role: 'editor', editsAllDatasets: true }), closed), true);
    assert.equal(canRead(user({ role: 'editor', editableDatasets: ['closed'] }), closed), true);
  });

  it('does not let a plain user with a stale editor list read', () => {
    assert.equal(canRead(user({ role: 'user', editableDatasets: ['closed'] }), closed), false);
  });
});

describe('canRead, drafts', () => {
  const draft = { ...open, id: 'draft', published: false };
  const closedDraft = { ...closed, id: 'draft', published: false };

  it('hides a draft from everyone who may not edit it, granted readers included', () => {
    assert.equal(canRead(ANONYMOUS, draft), false);
    assert.equal(canRead(user(), draft), false);
    assert.equal(canRead(user({ userId: 'us_b' }), closedDraft), false);
    assert.equal(canRead(user({ groupIds: ['gr_x'] }), closedDraft), false);
    assert.equal(canRead(user({ role: 'editor', editableDatasets: ['open'] }), draft), false);
    assert.equal(canRead(user({ role: 'user', editableDatasets: ['draft'] }), draft), false);
  });

  it('shows it to administrators and its editors, who preview it', () => {
    for (const dataset of [draft, closedDraft]) {
      assert.equal(canRead(user({ role: 'admin' }), dataset), true);
      assert.equal(canRead(user({ role: 'editor', editsAllDatasets: true }), dataset), true);
      assert.equal(canRead(user({ role: 'editor', editableDatasets: ['draft'] }), dataset), true);
    }
  });
});

describe('canEdit', () => {
  it('allows administrators and editors of the dataset only', () => {
    assert.equal(canEdit(ANONYMOUS, 'closed'), false);
    assert.equal(canEdit(user(), 'closed'), false);
    assert.equal(canEdit(user({ role: 'admin' }), 'closed'), true);
    assert.equal(canEdit(user({ role: 'editor', editableDatasets: ['open'] }), 'closed'), false);
    assert.equal(canEdit(user({ role: 'editor', editsAllDatasets: true }), 'closed'), true);
  });
});
