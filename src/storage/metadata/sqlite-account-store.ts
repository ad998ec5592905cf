// The AccountStore on the SQLite file: synchronous statements on the read-write connection,
// behind the async contract both engines share.

import type Database from 'better-sqlite3';

import type { ApiKey, Grantee, Group, Session, User } from '../../core/account.ts';
import { PortalError } from '../../core/errors.ts';
import { isoNow } from '../../util/iso-now.ts';
import { randomId } from '../../util/random-token.ts';
import type { AccountStore, NewApiKey, NewUser, UserChanges } from '../account-store.ts';
import type { ApiKeyRow, SessionRow, UserRow } from './account-rows.ts';
import { toApiKey, toSession, toUser } from './account-rows.ts';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  private userFromRow(row: UserRow): User {
    const groups = this.db
      .prepare('SELECT group_id FROM group_members WHERE user_id = ? ORDER BY group_id')
      .pluck()
      .all(row.id) as string[];
    const editable = this.db
      .prepare('SELECT dataset_id FROM dataset_editors WHERE user_id = ? ORDER BY dataset_id')
      .pluck()
      .all(row.id) as string[];
    return toUser(row, groups, editable);
  }

  async createUser(input: NewUser): Promise<User> {
    const id = randomId('us');
    const now = isoNow();
    try {
      this.db
        .prepare(
          `INSERT INTO users (id, email, name, password_hash, role, created_at,
           password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.email, input.name, input.passwordHash, input.role, now, now);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new PortalError('DG_ERR_ACCOUNT_EMAIL_TAKEN', { email: input.email });
      }
      throw error;
    }
    return (await this.getUser(id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? this.userFromRow(row) : null;
  }

  async findLogin(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as
      UserRow | undefined;
    return row ? { user: this.userFromRow(row), passwordHash: row.password_hash } : null;
  }

  async findLoginById(id: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? { user: this.userFromRow(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    const rows = this.db.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[];
    return rows.map((row) => this.userFromRow(row));
  }

  async updateUser(id: string, changes: UserChanges): Promise<User> {
    const user = await this.requireUser(id);
    try {
      this.db
        .prepare(
          `UPDATE users SET name = ?, email = ?, role = ?, edits_all_datasets = ? WHERE id = ?`,
        )
        .run(
          changes.name ?? user.name,
          changes.email ?? user.email,
          changes.role ?? user.role,
          (changes.editsAllDatasets ?? user.editsAllDatasets) ? 1 : 0,
          id,
        );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new PortalError('DG_ERR_ACCOUNT_EMAIL_TAKEN', { email: changes.email ?? '' });
      }
      throw error;
    }
    return (await this.getUser(id))!;
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.getUser(id);
    if (!user) throw new PortalError('DG_ERR_ACCOUNT_NOT_FOUND', { account: id });
    return user;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.requireUser(id);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?')
        .run(passwordHash, isoNow(), id);
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
    })();
  }

  async setEditableDatasets(userId: string, datasetIds: string[]): Promise<void> {
    await this.requireUser(userId);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM dataset_editors WHERE user_id = ?').run(userId);
      const insert = this.db.prepare(
        'INSERT INTO dataset_editors (user_id, dataset_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
      );
      for (const datasetId of datasetIds) {
        if (!this.db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(datasetId)) {
          throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: datasetId });
        }
        insert.run(userId, datasetId);
      }
    })();
  }

  async recordLogin(id: string, at: string): Promise<void> {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
  }

  async deleteUser(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare("DELETE FROM dataset_grants WHERE grantee_kind = 'user' AND grantee_id = ?")
        .run(id);
      this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
    })();
  }

  private groupFrom(row: { id: string; name: string; created_at: string }): Group {
    const members = this.db
      .prepare('SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id')
      .pluck()
      .all(row.id) as string[];
    return { id: row.id, name: row.name, memberIds: members, createdAt: row.created_at };
  }

  async createGroup(name: string): Promise<Group> {
    const id = randomId('gr');
    try {
      this.db
        .prepare('INSERT INTO user_groups (id, name, created_at) VALUES (?, ?, ?)')
        .run(id, name, isoNow());
    } catch (error) {
      if (isUniqueViolation(error)) throw new PortalError('DG_ERR_GROUP_NAME_TAKEN', { name });
      throw error;
    }
    return (await this.getGroup(id))!;
  }

  async getGroup(id: string): Promise<Group | null> {
    const row = this.db.prepare('SELECT * FROM user_groups WHERE id = ?').get(id) as
      { id: string; name: string; created_at: string } | undefined;
    return row ? this.groupFrom(row) : null;
  }

  async findGroupByName(name: string): Promise<Group | null> {
    const row = this.db.prepare('SELECT * FROM user_groups WHERE name = ?').get(name) as
      { id: string; name: string; created_at: string } | undefined;
    return row ? this.groupFrom(row) : null;
  }

  async listGroups(): Promise<Group[]> {
    const rows = this.db.prepare('SELECT * FROM user_groups ORDER BY name').all() as {
      id: string;
      name: string;
      created_at: string;
    }[];
    return rows.map((row) => this.groupFrom(row));
  }

  async renameGroup(id: string, name: string): Promise<Group> {
    try {
      this.db.prepare('UPDATE user_groups SET name = ? WHERE id = ?').run(name, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new PortalError('DG_ERR_GROUP_NAME_TAKEN', { name });
      throw error;
    }
    const group = await this.getGroup(id);
    if (!group) throw new PortalError('DG_ERR_GROUP_NOT_FOUND', { group: id });
    return group;
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    if (!(await this.getGroup(groupId))) {
      throw new PortalError('DG_ERR_GROUP_NOT_FOUND', { group: groupId });
    }
    await this.requireUser(userId);
    this.db
      .prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(groupId, userId);
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    this.db
      .prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?')
      .run(groupId, userId);
  }

  async deleteGroup(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare("DELETE FROM dataset_grants WHERE grantee_kind = 'group' AND grantee_id = ?")
        .run(id);
      this.db.prepare('DELETE FROM user_groups WHERE id = ?').run(id);
    })();
  }

  async grant(datasetId: string, grantee: Grantee): Promise<void> {
    if (!this.db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(datasetId)) {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: datasetId });
    }
    this.db
      .prepare(
        `INSERT INTO dataset_grants (dataset_id, grantee_kind, grantee_id) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(datasetId, grantee.kind, grantee.id);
  }

  async revokeGrant(datasetId: string, grantee: Grantee): Promise<void> {
    this.db
      .prepare(
        'DELETE FROM dataset_grants WHERE dataset_id = ? AND grantee_kind = ? AND grantee_id = ?',
      )
      .run(datasetId, grantee.kind, grantee.id);
  }

  async createSession(session: Session): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sessions (key, user_id, created_at, expires_at, auth_stamp)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(session.key, session.userId, session.createdAt, session.expiresAt, session.authStamp);
  }

  async getSession(key: string): Promise<Session | null> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE key = ?').get(key) as
      SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  async deleteSession(key: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE key = ?').run(key);
  }

  async deleteSessionsOf(userId: string, exceptKey?: string): Promise<void> {
    this.db
      .prepare('DELETE FROM sessions WHERE user_id = ? AND key IS NOT ?')
      .run(userId, exceptKey ?? null);
  }

  async purgeExpiredSessions(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  async createApiKey(input: NewApiKey): Promise<ApiKey> {
    await this.requireUser(input.userId);
    const id = randomId('ak');
    this.db
      .prepare(
        `INSERT INTO api_keys (id, user_id, key_hash, prefix, label, scope, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.userId,
        input.keyHash,
        input.prefix,
        input.label,
        input.scope,
        isoNow(),
        input.expiresAt,
      );
    return (await this.getApiKey(id))!;
  }

  async findApiKey(keyHash: string): Promise<ApiKey | null> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE key_hash = ?').get(keyHash) as
      ApiKeyRow | undefined;
    return row ? toApiKey(row) : null;
  }

  async listApiKeys(userId?: string): Promise<ApiKey[]> {
    const rows = (
      userId === undefined
        ? this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all()
        : this.db
            .prepare('SELECT * FROM api_keys WHERE user_id = ? ORDER BY created_at, id')
            .all(userId)
    ) as ApiKeyRow[];
    return rows.map(toApiKey);
  }

  async getApiKey(id: string): Promise<ApiKey | null> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as
      ApiKeyRow | undefined;
    return row ? toApiKey(row) : null;
  }

  async revokeApiKey(id: string, at: string): Promise<void> {
    this.db
      .prepare('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?')
      .run(at, id);
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  async recordLoginFailure(buckets: string[], at: string): Promise<void> {
    const insert = this.db.prepare('INSERT INTO login_failures (bucket, at) VALUES (?, ?)');
    this.db.transaction(() => buckets.forEach((bucket) => insert.run(bucket, at)))();
  }

  async countLoginFailures(bucket: string, since: string): Promise<number> {
    return this.db
      .prepare('SELECT count(*) FROM login_failures WHERE bucket = ? AND at >= ?')
      .pluck()
      .get(bucket, since) as number;
  }

  async clearLoginFailures(bucket: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failures WHERE bucket = ?').run(bucket);
  }

  async purgeLoginFailures(before: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failures WHERE at < ?').run(before);
  }
}
