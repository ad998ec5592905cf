// The storage contract for accounts: users, groups, dataset grants and editors, sessions, API
// keys and sign-in failures. Both engines implement it; services reach it through engine.ts.

import type { ApiKey, ApiKeyScope, Grantee, Group, Role, Session, User } from '../core/account.ts';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export interface UserChanges {
  name?: string;
  email?: string;
  role?: Role;
  editsAllDatasets?: boolean;
}

export interface NewApiKey {
  userId: string;
  keyHash: string;
  prefix: string;
  label: string;
  scope: ApiKeyScope;
  expiresAt: string | null;
}

export interface AccountStore {
  createUser(input: NewUser): Promise<User>;
  getUser(id: string): Promise<User | null>;
  /** The user with this (lowercased) email and their password hash. */
  findLogin(email: string): Promise<{ user: User; passwordHash: string } | null>;
  /** The user with this id and their password hash (one read, for every session check). */
  findLoginById(id: string): Promise<{ user: User; passwordHash: string } | null>;
  listUsers(): Promise<User[]>;
  updateUser(id: string, changes: UserChanges): Promise<User>;
  /** Stores a new password hash and ends every session of the user. */
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** The datasets an editor limited to given datasets may edit; replaces the list. */
  setEditableDatasets(userId: string, datasetIds: string[]): Promise<void>;
  recordLogin(id: string, at: string): Promise<void>;
  /** Deletes the user with their sessions, keys, memberships and grants. */
  deleteUser(id: string): Promise<void>;

  createGroup(name: string): Promise<Group>;
  getGroup(id: string): Promise<Group | null>;
  findGroupByName(name: string): Promise<Group | null>;
  listGroups(): Promise<Group[]>;
  /** DG_ERR_GROUP_NAME_TAKEN when another group has the name. */
  renameGroup(id: string, name: string): Promise<Group>;
  addMember(groupId: string, userId: string): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  deleteGroup(id: string): Promise<void>;

  grant(datasetId: string, grantee: Grantee): Promise<void>;
  revokeGrant(datasetId: string, grantee: Grantee): Promise<void>;

  createSession(session: Session): Promise<void>;
  getSession(key: string): Promise<Session | null>;
  deleteSession(key: string): Promise<void>;
  /** Ends every session of the user but `exceptKey`. */
  deleteSessionsOf(userId: string, exceptKey?: string): Promise<void>;
  /** Forgets sessions that ended before `now`; returns how many. */
  purgeExpiredSessions(now: string): Promise<number>;

  createApiKey(input: NewApiKey): Promise<ApiKey>;
  /** The key whose hash this is, revoked or expired ones included (the caller decides). */
  findApiKey(keyHash: string): Promise<ApiKey | null>;
  listApiKeys(userId?: string): Promise<ApiKey[]>;
  getApiKey(id: string): Promise<ApiKey | null>;
  revokeApiKey(id: string, at: string): Promise<void>;
  touchApiKey(id: string, at: string): Promise<void>;

  /** Records a failed sign-in in each bucket (an account, an address). */
  recordLoginFailure(buckets: string[], at: string): Promise<void>;
  /** Failed sign-ins in the bucket since `since`. */
  countLoginFailures(bucket: string, since: string): Promise<number>;
  clearLoginFailures(bucket: string): Promise<void>;
  /** Forgets failures older than `before`. */
  purgeLoginFailures(before: string): Promise<void>;
}
