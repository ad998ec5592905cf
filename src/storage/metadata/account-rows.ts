// Account rows as SQLite returns them, and their domain objects.

import type { ApiKey, ApiKeyScope, Role, Session, User } from '../../core/account.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  edits_all_datasets: number;
  created_at: string;
  password_changed_at: string;
  last_login_at: string | null;
}

export interface SessionRow {
  key: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  auth_stamp: string;
}

export interface ApiKeyRow {
  id: string;
  user_id: string;
  prefix: string;
  label: string;
  scope: ApiKeyScope;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export function toUser(row: UserRow, groupIds: string[], editableDatasets: string[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    editsAllDatasets: row.edits_all_datasets === 1,
    editableDatasets,
    groupIds,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    lastLoginAt: row.last_login_at,
  };
}

export function toSession(row: SessionRow): Session {
  return {
    key: row.key,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
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
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
