// The AccountStore in the engine's PostgreSQL schema.

import type pg from 'pg';

import type { ApiKey, Grantee, Group, Session, User } from '../../core/account.ts';
import { PortalError } from '../../core/errors.ts';
import { randomId } from '../../util/random-token.ts';
import type { AccountStore, NewApiKey, NewUser, UserChanges } from '../account-store.ts';
import type { ApiKeyRow, SessionRow, UserRow } from './account-rows.ts';
import { API_KEY_COLUMNS, toApiKey, toSession, toUser, userColumns } from './account-rows.ts';
import { qualified } from './quote.ts';
import { inTransaction } from './transaction.ts';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === UNIQUE_VIOLATION;
}

interface GroupRow {
  id: string;
  name: string;
  created_at: number;
  member_ids: string[];
}

function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    memberIds: row.member_ids,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export class PostgresAccountStore implements AccountStore {
  private readonly t: (name: string) => string;
  private readonly users: string;
  private readonly groups: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.t = (name) => qualified(schema, name);
    this.users = `SELECT ${userColumns(this.t('group_members'), this.t('dataset_editors'))}
      FROM ${this.t('users')} u`;
    this.groups = `SELECT g.id, g.name, g.created_at, ARRAY(SELECT user_id
      FROM ${this.t('group_members')} WHERE group_id = g.id ORDER BY user_id) AS member_ids
      FROM ${this.t('user_groups')} g`;
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async createUser(input: NewUser): Promise<User> {
    const id = randomId('us');
    try {
      await this.pool.query(
        `INSERT INTO ${this.t('users')} (id, email, name, password_hash, role)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, input.email, input.name, input.passwordHash, input.role],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new PortalError('DG_ERR_ACCOUNT_EMAIL_TAKEN', { email: input.email });
      }
      throw error;
    }
    return (await this.getUser(id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const [row] = await this.rows<UserRow>(`${this.users} WHERE u.id = $1`, [id]);
    return row ? toUser(row) : null;
  }

  async findLogin(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const [row] = await this.rows<UserRow>(`${this.users} WHERE u.email = $1`, [email]);
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async findLoginById(id: string): Promise<{ user: User; passwordHash: string } | null> {
    const [row] = await this.rows<UserRow>(`${this.users} WHERE u.id = $1`, [id]);
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.rows<UserRow>(`${this.users} ORDER BY u.email`)).map(toUser);
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.getUser(id);
    if (!user) throw new PortalError('DG_ERR_ACCOUNT_NOT_FOUND', { account: id });
    return user;
  }

  async updateUser(id: string, changes: UserChanges): Promise<User> {
    const user = await this.requireUser(id);
    try {
      await this.pool.query(
        `UPDATE ${this.t('users')} SET name = $2, email = $3, role = $4, edits_all_datasets = $5
         WHERE id = $1`,
        [
          id,
          changes.name ?? user.name,
          changes.email ?? user.email,
          changes.role ?? user.role,
          changes.editsAllDatasets ?? user.editsAllDatasets,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new PortalError('DG_ERR_ACCOUNT_EMAIL_TAKEN', { email: changes.email ?? '' });
      }
      throw error;
    }
    return (await this.getUser(id))!;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.requireUser(id);
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE ${this.t('users')} SET password_hash = $2, password_changed_at = now()
         WHERE id = $1`,
        [id, passwordHash],
      );
      await client.query(`DELETE FROM ${this.t('sessions')} WHERE user_id = $1`, [id]);
    });
  }

  async setEditableDatasets(userId: string, datasetIds: string[]): Promise<void> {
    await this.requireUser(userId);
    const known = await this.rows<{ id: string }>(
      `SELECT id FROM ${this.t('datasets')} WHERE id = ANY($1)`,
      [datasetIds],
    );
    const missing = datasetIds.find((id) => !known.some((row) => row.id === id));
    if (missing !== undefined) {
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: missing });
    }
    await inTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM ${this.t('dataset_editors')} WHERE user_id = $1`, [userId]);
      await client.query(
        `INSERT INTO ${this.t('dataset_editors')} (user_id, dataset_id)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [userId, datasetIds],
      );
    });
  }

  async recordLogin(id: string, at: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.t('users')} SET last_login_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  async deleteUser(id: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `DELETE FROM ${this.t('dataset_grants')} WHERE grantee_kind = 'user' AND grantee_id = $1`,
        [id],
      );
      await client.query(`DELETE FROM ${this.t('users')} WHERE id = $1`, [id]);
    });
  }

  async createGroup(name: string): Promise<Group> {
    const id = randomId('gr');
    try {
      await this.pool.query(`INSERT INTO ${this.t('user_groups')} (id, name) VALUES ($1, $2)`, [
        id,
        name,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new PortalError('DG_ERR_GROUP_NAME_TAKEN', { name });
      throw error;
    }
    return (await this.getGroup(id))!;
  }

  async getGroup(id: string): Promise<Group | null> {
    const [row] = await this.rows<GroupRow>(`${this.groups} WHERE g.id = $1`, [id]);
    return row ? toGroup(row) : null;
  }

  async findGroupByName(name: string): Promise<Group | null> {
    const [row] = await this.rows<GroupRow>(`${this.groups} WHERE g.name = $1`, [name]);
    return row ? toGroup(row) : null;
  }

  async listGroups(): Promise<Group[]> {
    return (await this.rows<GroupRow>(`${this.groups} ORDER BY g.name`)).map(toGroup);
  }

  async renameGroup(id: string, name: string): Promise<Group> {
    try {
      await this.pool.query(`UPDATE ${this.t('user_groups')} SET name = $1 WHERE id = $2`, [
        name,
        id,
      ]);
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
    await this.pool.query(
      `INSERT INTO ${this.t('group_members')} (group_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [groupId, userId],
    );
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.t('group_members')} WHERE group_id = $1 AND user_id = $2`,
      [groupId, userId],
    );
  }

  async deleteGroup(id: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `DELETE FROM ${this.t('dataset_grants')} WHERE grantee_kind = 'group' AND grantee_id = $1`,
        [id],
      );
      await client.query(`DELETE FROM ${this.t('user_groups')} WHERE id = $1`, [id]);
    });
  }

  async grant(datasetId: string, grantee: Grantee): Promise<void> {
    const result = await this.pool.query(
      `INSERT INTO ${this.t('dataset_grants')} (dataset_id, grantee_kind, grantee_id)
       SELECT id, $2, $3 FROM ${this.t('datasets')} WHERE id = $1 ON CONFLICT DO NOTHING`,
      [datasetId, grantee.kind, grantee.id],
    );
    if (result.rowCount === 0) {
      const exists = await this.rows(`SELECT 1 FROM ${this.t('datasets')} WHERE id = $1`, [
        datasetId,
      ]);
      if (exists.length === 0) {
        throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: datasetId });
      }
    }
  }

  async revokeGrant(datasetId: string, grantee: Grantee): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.t('dataset_grants')}
       WHERE dataset_id = $1 AND grantee_kind = $2 AND grantee_id = $3`,
      [datasetId, grantee.kind, grantee.id],
    );
  }

  async createSession(session: Session): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t('sessions')} (key, user_id, created_at, expires_at, auth_stamp)
       VALUES ($1, $2, $3, $4, $5)`,
      [session.key, session.userId, session.createdAt, session.expiresAt, session.authStamp],
    );
  }

  async getSession(key: string): Promise<Session | null> {
    const [row] = await this.rows<SessionRow>(
      `SELECT key, user_id, created_at, expires_at, auth_stamp FROM ${this.t('sessions')}
       WHERE key = $1`,
      [key],
    );
    return row ? toSession(row) : null;
  }

  async deleteSession(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t('sessions')} WHERE key = $1`, [key]);
  }

  async deleteSessionsOf(userId: string, exceptKey?: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.t('sessions')} WHERE user_id = $1 AND key IS DISTINCT FROM $2`,
      [userId, exceptKey ?? null],
    );
  }

  async purgeExpiredSessions(now: string): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM ${this.t('sessions')} WHERE expires_at <= $1`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async createApiKey(input: NewApiKey): Promise<ApiKey> {
    await this.requireUser(input.userId);
    const [row] = await this.rows<ApiKeyRow>(
      `INSERT INTO ${this.t('api_keys')} (id, user_id, key_hash, prefix, label, scope, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${API_KEY_COLUMNS}`,
      [
        randomId('ak'),
        input.userId,
        input.keyHash,
        input.prefix,
        input.label,
        input.scope,
        input.expiresAt,
      ],
    );
    return toApiKey(row!);
  }

  async findApiKey(keyHash: string): Promise<ApiKey | null> {
    const [row] = await this.rows<ApiKeyRow>(
      `SELECT ${API_KEY_COLUMNS} FROM ${this.t('api_keys')} WHERE key_hash = $1`,
      [keyHash],
    );
    return row ? toApiKey(row) : null;
  }

  async listApiKeys(userId?: string): Promise<ApiKey[]> {
    const rows = await this.rows<ApiKeyRow>(
      `SELECT ${API_KEY_COLUMNS} FROM ${this.t('api_keys')}
       WHERE $1::text IS NULL OR user_id = $1 ORDER BY created_at, id`,
      [userId ?? null],
    );
    return rows.map(toApiKey);
  }

  async getApiKey(id: string): Promise<ApiKey | null> {
    const [row] = await this.rows<ApiKeyRow>(
      `SELECT ${API_KEY_COLUMNS} FROM ${this.t('api_keys')} WHERE id = $1`,
      [id],
    );
    return row ? toApiKey(row) : null;
  }

  async revokeApiKey(id: string, at: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.t('api_keys')} SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1`,
      [id, at],
    );
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.t('api_keys')} SET last_used_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  async recordLoginFailure(buckets: string[], at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.t('login_failures')} (bucket, at) SELECT unnest($1::text[]), $2`,
      [buckets, at],
    );
  }

  async countLoginFailures(bucket: string, since: string): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.t('login_failures')} WHERE bucket = $1 AND at >= $2`,
      [bucket, since],
    );
    return row?.n ?? 0;
  }

  async clearLoginFailures(bucket: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t('login_failures')} WHERE bucket = $1`, [bucket]);
  }

  async purgeLoginFailures(before: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t('login_failures')} WHERE at < $1`, [before]);
  }
}
