// Account rows as this engine returns them (timestamps as epoch milliseconds), and their mapping
// to the core types.

import type { ApiKey, ApiKeyScope, Role, Session, User } from '../../core/account.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  edits_all_datasets: boolean;
  created_at: number;
  password_changed_at: number;
  last_login_at: number | null;
  group_ids: string[];
  editable_datasets: string[];
}

/** The user columns, with their groups and editable datasets, of `users` aliased `u`. */
export function userColumns(groupMembers: string, editors: string): string {
  return `u.id, u.email, u.name, u.password_hash, u.role, u.edits_all_datasets, u.created_at,
    u.password_changed_at, u.last_login_at,
    ARRAY(SELECT group_id FROM ${groupMembers} WHERE user_id = u.id ORDER BY group_id) AS group_ids,
    ARRAY(SELECT dataset_id FROM ${editors} WHERE user_id = u.id ORDER BY dataset_id)
      AS editable_datasets`;
}

export interface SessionRow {
  key: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  auth_stamp: string;
}

export interface ApiKeyRow {
  id: string;
  user_id: string;
  prefix: string;
  label: string;
  scope: ApiKeyScope;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

export const API_KEY_COLUMNS =
  'id, user_id, prefix, label, scope, created_at, expires_at, revoked_at, last_used_at';

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

function isoOrNull(millis: number | null): string | null {
  return millis === null ? null : iso(millis);
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    editsAllDatasets: row.edits_all_datasets,
    editableDatasets: row.editable_datasets,
    groupIds: row.group_ids,
    createdAt: iso(row.created_at),
    passwordChangedAt: iso(row.password_changed_at),
    lastLoginAt: isoOrNull(row.last_login_at),
  };
}

export function toSession(row: SessionRow): Session {
  return {
    key: row.key,
    userId: row.user_id,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    authStamp: row.auth_stamp,
  };
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: iso(row.created_at),
    expiresAt: isoOrNull(row.expires_at),
    revokedAt: isoOrNull(row.revoked_at),
    lastUsedAt: isoOrNull(row.last_used_at),
  };
}
