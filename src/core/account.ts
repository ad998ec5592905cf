// Accounts as the portal keeps them: users, groups, API keys and signed-in sessions.
// Secrets never appear here: passwords and keys are stored as hashes, read only by storage.

/** What a user may do: run the portal, edit datasets (all or given ones), or only read. */
export type Role = 'admin' | 'editor' | 'user';

export const ROLES: readonly Role[] = ['admin', 'editor', 'user'];

export interface User {
  /** A stable opaque id (`us_…`). */
  id: string;
  /** Lowercase; unique. */
  email: string;
  name: string;
  role: Role;
  /** For an editor: every dataset (true) or only `editableDatasets`. */
  editsAllDatasets: boolean;
  editableDatasets: string[];
  /** Ids of the groups the user belongs to. */
  groupIds: string[];
  /** ISO 8601 UTC. */
  createdAt: string;
  passwordChangedAt: string;
  lastLoginAt: string | null;
}

export interface Group {
  /** A stable opaque id (`gr_…`). */
  id: string;
  /** Unique, as typed by an administrator. */
  name: string;
  memberIds: string[];
  createdAt: string;
}

/** What an API key allows: reading only, or reading and writing. */
export type ApiKeyScope = 'read' | 'write';

export interface ApiKey {
  /** A stable opaque id (`ak_…`), used to revoke the key; not the key itself. */
  id: string;
  userId: string;
  label: string;
  scope: ApiKeyScope;
  /** The key's first characters, so its owner can tell keys apart. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A signed-in session, kept server-side; the `sessionid` cookie holds only its key. */
export interface Session {
  key: string;
  userId: string;
  createdAt: string;
  /** Absolute end of the session (ISO 8601 UTC): no sliding renewal. */
  expiresAt: string;
  /** Derived from the password hash when the session began; a new password voids it. */
  authStamp: string;
}

/** Who may read a restricted dataset, besides administrators and its editors. */
export interface DatasetAccess {
  userIds: string[];
  groupIds: string[];
}

export type Grantee = { kind: 'user'; id: string } | { kind: 'group'; id: string };
