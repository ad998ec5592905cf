// The activity log of the back office, in the engine's schema.

import type pg from 'pg';

import type {
  ActivityDiff,
  ActivityEntry,
  ActivityInput,
  ActivityPage,
  ActivityQuery,
} from '../../core/activity.ts';
import { activityPageBounds, checkActivityAction } from '../activity-rules.ts';
import { qualified } from './quote.ts';

interface ActivityRow {
  id: number;
  at: number;
  user_id: string | null;
  action: string;
  dataset_id: string | null;
  diff: ActivityDiff | null;
}

const COLUMNS = 'id, at, user_id, action, dataset_id, diff';

function toEntry(row: ActivityRow): ActivityEntry {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    action: row.action,
    datasetId: row.dataset_id,
    diff: row.diff,
  };
}

export class PostgresActivityLog {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = qualified(schema, 'activity_log');
  }

  async append(input: ActivityInput): Promise<ActivityEntry> {
    checkActivityAction(input.action);
    const result = await this.pool.query<ActivityRow>(
      `INSERT INTO ${this.table} (user_id, action, dataset_id, diff) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [input.userId, input.action, input.datasetId, input.diff ? JSON.stringify(input.diff) : null],
    );
    return toEntry(result.rows[0]!);
  }

  async list(query: ActivityQuery): Promise<ActivityPage> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['dataset_id', query.datasetId],
      ['user_id', query.userId],
      ['action', query.action],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const { limit, offset } = activityPageBounds(query);
    const total = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${this.table} ${where}`,
      params,
    );
    const rows = await this.pool.query<ActivityRow>(
      `SELECT ${COLUMNS} FROM ${this.table} ${where}
       ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { entries: rows.rows.map(toEntry), total: Number(total.rows[0]!.count) };
  }
}
