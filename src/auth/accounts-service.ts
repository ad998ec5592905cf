// Creating and changing accounts and groups, and granting access to restricted datasets.

import type { Grantee, Group, Role, User } from '../core/account.ts';
import { ROLES } from '../core/account.ts';
import { PortalError } from '../core/errors.ts';
import type { AccountStore, MetadataStore } from '../storage/engine.ts';
import { randomToken, ALNUM } from '../util/random-token.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';

/** Generated passwords: 20 letters and digits, about 119 bits. */
const GENERATED_PASSWORD_LENGTH = 20;

/** A password for an account an administrator creates or resets, shown to them once. */
export function generatePassword(): string {
  return randomToken(GENERATED_PASSWORD_LENGTH, ALNUM);
}

export interface ProfileChanges {
  name: string;
  role: string;
  editsAllDatasets: boolean;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: 'A name needs 1 to 200 characters.',
    });
  }
  return trimmed;
}

function checkGroupName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200 || trimmed.includes('@')) {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: 'A group name needs 1 to 200 characters and no "@".',
    });
  }
  return trimmed;
}

export interface NewAccount {
  email: string;
  name?: string;
  password: string;
  role?: Role;
}

/** Addresses are compared without case and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string): void {
  if (!EMAIL.test(email) || email.length > 254) {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: `"${email}" is not an email address.`,
    });
  }
}

function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new PortalError('DG_ERR_ACCOUNT_INVALID', {
      detail: `Unknown role "${role}": use ${ROLES.join(', ')}.`,
    });
  }
}

export class AccountsService {
  constructor(
    private readonly store: AccountStore,
    private readonly metadata: MetadataStore,
  ) {}

  async createUser(input: NewAccount): Promise<User> {
    const email = normalizeEmail(input.email);
    checkEmail(email);
    checkNewPassword(input.password);
    const role = input.role ?? 'user';
    checkRole(role);
    const name = input.name?.trim() || email.split('@')[0]!;
    const passwordHash = await hashPassword(input.password);
    return this.store.createUser({ email, name, passwordHash, role });
  }

  /** A user by id or by email address, or DG_ERR_ACCOUNT_NOT_FOUND. */
  async findUser(idOrEmail: string): Promise<User> {
    const user = idOrEmail.includes('@')
      ? ((await this.store.findLogin(normalizeEmail(idOrEmail)))?.user ?? null)
      : await this.store.getUser(idOrEmail);
    if (!user) throw new PortalError('DG_ERR_ACCOUNT_NOT_FOUND', { account: idOrEmail });
    return user;
  }

  listUsers(): Promise<User[]> {
    return this.store.listUsers();
  }

  async setRole(userId: string, role: string, editsAllDatasets = false): Promise<User> {
    checkRole(role);
    return this.store.updateUser(userId, { role, editsAllDatasets });
  }

  setEditableDatasets(userId: string, datasetIds: string[]): Promise<void> {
    return this.store.setEditableDatasets(userId, datasetIds);
  }

  /** Sets a new password; every session of the user ends (the caller may start a new one). */
  async changePassword(userId: string, password: string): Promise<void> {
    checkNewPassword(password);
    await this.store.setPasswordHash(userId, await hashPassword(password));
  }

  async createGroup(name: string): Promise<Group> {
    return this.store.createGroup(checkGroupName(name));
  }

  async renameGroup(groupId: string, name: string): Promise<Group> {
    return this.store.renameGroup(groupId, checkGroupName(name));
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.store.removeMember(groupId, userId);
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.findGroup(groupId);
    await this.store.deleteGroup(groupId);
  }

  /** Makes the user a member of exactly these groups. */
  async setGroups(userId: string, groupIds: readonly string[]): Promise<void> {
    const user = await this.findUser(userId);
    for (const id of groupIds) {
      if (!user.groupIds.includes(id)) await this.store.addMember(id, userId);
    }
    for (const id of user.groupIds) {
      if (!groupIds.includes(id)) await this.store.removeMember(id, userId);
    }
  }

  /**
   * Changes a user's name, role and dataset scope; DG_ERR_ACCOUNT_LAST_ADMIN when it would leave
   * the portal without an administrator.
   */
  async updateProfile(userId: string, changes: ProfileChanges): Promise<User> {
    const name = checkName(changes.name);
    checkRole(changes.role);
    const user = await this.findUser(userId);
    if (user.role === 'admin' && changes.role !== 'admin') await this.keepAnAdmin(userId);
    return this.store.updateUser(userId, {
      name,
      role: changes.role,
      editsAllDatasets: changes.editsAllDatasets,
    });
  }

  /** Deletes the user with their sessions, keys and memberships; never the last administrator. */
  async deleteUser(userId: string): Promise<void> {
    const user = await this.findUser(userId);
    if (user.role === 'admin') await this.keepAnAdmin(userId);
    await this.store.deleteUser(userId);
  }

  /** Sets a generated password (every session of the user ends) and returns it, to show once. */
  /** A password to set for someone else (shown once to the administrator). */
  generatePassword(): string {
    return generatePassword();
  }

  async resetPassword(userId: string): Promise<string> {
    await this.findUser(userId);
    const password = generatePassword();
    await this.changePassword(userId, password);
    return password;
  }

  private async keepAnAdmin(leaving: string): Promise<void> {
    const others = (await this.store.listUsers()).filter(
      (u) => u.role === 'admin' && u.id !== leaving,
    );
    if (others.length === 0) throw new PortalError('DG_ERR_ACCOUNT_LAST_ADMIN');
  }

  /** A group by id or by name, or DG_ERR_GROUP_NOT_FOUND. */
  async findGroup(idOrName: string): Promise<Group> {
    const group =
      (await this.store.getGroup(idOrName)) ?? (await this.store.findGroupByName(idOrName));
    if (!group) throw new PortalError('DG_ERR_GROUP_NOT_FOUND', { group: idOrName });
    return group;
  }

  listGroups(): Promise<Group[]> {
    return this.store.listGroups();
  }

  async addMember(groupIdOrName: string, userIdOrEmail: string): Promise<void> {
    const group = await this.findGroup(groupIdOrName);
    const user = await this.findUser(userIdOrEmail);
    await this.store.addMember(group.id, user.id);
  }

  /** A user (an email address or a `us_` id) or a group (a name or a `gr_` id). */
  async findGrantee(name: string): Promise<Grantee> {
    if (name.includes('@') || name.startsWith('us_')) {
      return { kind: 'user', id: (await this.findUser(name)).id };
    }
    return { kind: 'group', id: (await this.findGroup(name)).id };
  }

  async grant(datasetId: string, grantee: Grantee): Promise<void> {
    await this.store.grant(datasetId, grantee);
  }

  async revokeGrant(datasetId: string, grantee: Grantee): Promise<void> {
    await this.store.revokeGrant(datasetId, grantee);
  }

  /** Makes a dataset public (`domain`) or restricted to those granted access. */
  async setVisibility(datasetId: string, visibility: 'domain' | 'restricted'): Promise<void> {
    const dataset = await this.metadata.getDataset(datasetId);
    if (!dataset) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: datasetId });
    await this.metadata.saveDataset({ id: datasetId, metas: dataset.metas, visibility });
  }
}
