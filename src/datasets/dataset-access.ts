// Who may read and who may edit one dataset, as the back office changes it: its visibility
// (public or restricted), the users and groups granted read access when it is restricted (as
// `datagora grant` does), and its editors. Visibility and grants are for those who may edit
// the dataset; its editors, for administrators (an editor's rights are the user page's too:
// both change the same list). Every change goes to the activity log.

import type { Viewer } from '../core/access.ts';
import type { Grantee, User } from '../core/account.ts';
import type { Dataset, Visibility } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { AccountsService } from '../auth/index.ts';
import type { MetadataStore } from '../storage/engine.ts';
import type { ActivityLog } from './activity-log.ts';
import { editableDataset } from './editable-dataset.ts';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface DatasetEditor extends Person {
  /** Edits every dataset (set on the user's page), rather than this one among others. */
  all: boolean;
}

export interface AccessOverview {
  dataset: Dataset;
  users: Person[];
  groups: { id: string; name: string; members: number }[];
  editors: DatasetEditor[];
  /** Editors who could be given this dataset (administrators choose among them). */
  candidates: Person[];
}

export const ACCESS_ACTIONS = [
  'dataset.visibility',
  'dataset.grant',
  'dataset.revoke',
  'dataset.editor_add',
  'dataset.editor_remove',
] as const;

function person(user: User): Person {
  return { id: user.id, email: user.email, name: user.name };
}

function byEmail(a: Person, b: Person): number {
  return a.email.localeCompare(b.email);
}

export class DatasetAccess {
  constructor(
    private readonly metadata: MetadataStore,
    private readonly accounts: AccountsService,
    private readonly activity: ActivityLog,
  ) {}

  async overview(viewer: Viewer, datasetId: string): Promise<AccessOverview> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    const [users, groups] = await Promise.all([
      this.accounts.listUsers(),
      this.accounts.listGroups(),
    ]);
    const editors = users.filter((u) => u.role === 'editor');
    const edits = (u: User) => u.editsAllDatasets || u.editableDatasets.includes(datasetId);
    return {
      dataset,
      users: users
        .filter((u) => dataset.access.userIds.includes(u.id))
        .map(person)
        .sort(byEmail),
      groups: groups
        .filter((g) => dataset.access.groupIds.includes(g.id))
        .map((g) => ({ id: g.id, name: g.name, members: g.memberIds.length }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      editors: editors
        .filter(edits)
        .map((u) => ({ ...person(u), all: u.editsAllDatasets }))
        .sort(byEmail),
      candidates: editors
        .filter((u) => !edits(u))
        .map(person)
        .sort(byEmail),
    };
  }

  /** Makes the dataset public or restricted; false when it already was. */
  async setVisibility(viewer: Viewer, datasetId: string, visibility: Visibility): Promise<boolean> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    if (dataset.visibility === visibility) return false;
    await this.accounts.setVisibility(datasetId, visibility);
    await this.activity.record(viewer, 'dataset.visibility', datasetId, {
      visibility: { before: dataset.visibility, after: visibility },
    });
    return true;
  }

  /**
   * Grants read access to a user (by email address) or a group (by name); false when it had it
   * already. DG_ERR_ACCOUNT_NOT_FOUND, DG_ERR_GROUP_NOT_FOUND for no such grantee.
   */
  async grant(viewer: Viewer, datasetId: string, name: string): Promise<boolean> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    const grantee = await this.accounts.findGrantee(name.trim());
    if (this.holds(dataset, grantee)) return false;
    await this.accounts.grant(datasetId, grantee);
    await this.activity.record(viewer, 'dataset.grant', datasetId, {
      [grantee.kind]: { before: null, after: await this.nameOf(grantee) },
    });
    return true;
  }

  /** Takes a grant back (a grantee by id); false when there was none. */
  async revoke(viewer: Viewer, datasetId: string, grantee: Grantee): Promise<boolean> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    if (!this.holds(dataset, grantee)) return false;
    const name = await this.nameOf(grantee);
    await this.accounts.revokeGrant(datasetId, grantee);
    await this.activity.record(viewer, 'dataset.revoke', datasetId, {
      [grantee.kind]: { before: name, after: null },
    });
    return true;
  }

  /**
   * Adds the dataset to an editor's datasets, or removes it (administrators only); false when
   * nothing changes. An editor of every dataset is changed on their user page, not here.
   */
  async setEditor(
    viewer: Viewer,
    datasetId: string,
    userId: string,
    edits: boolean,
  ): Promise<boolean> {
    if (viewer.role !== 'admin') {
      throw new PortalError('DG_ERR_DATASET_EDIT_FORBIDDEN', { dataset_id: datasetId });
    }
    await editableDataset(this.metadata, viewer, datasetId);
    const user = await this.accounts.findUser(userId);
    if (user.role !== 'editor' || user.editsAllDatasets) {
      throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
        detail: `${user.email} is not an editor of given datasets.`,
      });
    }
    const has = user.editableDatasets.includes(datasetId);
    if (has === edits) return false;
    const datasets = edits
      ? [...user.editableDatasets, datasetId]
      : user.editableDatasets.filter((id) => id !== datasetId);
    await this.accounts.setEditableDatasets(user.id, datasets);
    await this.activity.record(
      viewer,
      edits ? 'dataset.editor_add' : 'dataset.editor_remove',
      datasetId,
      { editor: edits ? { before: null, after: user.email } : { before: user.email, after: null } },
    );
    return true;
  }

  private holds(dataset: Dataset, grantee: Grantee): boolean {
    const ids = grantee.kind === 'user' ? dataset.access.userIds : dataset.access.groupIds;
    return ids.includes(grantee.id);
  }

  private async nameOf(grantee: Grantee): Promise<string> {
    if (grantee.kind === 'user') return (await this.accounts.findUser(grantee.id)).email;
    return (await this.accounts.findGroup(grantee.id)).name;
  }
}
