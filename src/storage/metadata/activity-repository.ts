// The activity log of the back office. Synchronous.

import type Database from 'better-sqlite3';

import type {
  ActivityDiff,
  ActivityEntry,
  ActivityInput,
  ActivityPage,
  ActivityQuery,
} from '../../core/activity.ts';
import { isoNow } from '../../util/iso-now.ts';
import { activityPageBounds, checkActivityAction } from '../activity-rules.ts';

interface ActivityRow {
  id: number;
  at: string;
  user_id: string | null;
  action: string;
  dataset_id: string | null;
  diff: string | null;
}

function entryFromRow(row: ActivityRow): ActivityEntry {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    datasetId: row.dataset_id,
    diff: row.diff === null ? null : (JSON.parse(row.diff) as ActivityDiff),
  };
}

export class ActivityRepository {
  constructor(private readonly db: Database.Database) {}

  append(input: ActivityInput): ActivityEntry {
    checkActivityAction(input.action);
    const result = this.db
      .prepare(
        `INSERT INTO activity_log (at, user_id, action, dataset_id, diff) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        isoNow(),
        input.userId,
        input.action,
        input.datasetId,
        input.diff ? JSON.stringify(input.diff) : null,
      );
    const row = this.db
      .prepare('SELECT * FROM activity_log WHERE id = ?')
      .get(Number(result.lastInsertRowid)) as ActivityRow;
    return entryFromRow(row);
  }

  list(query: ActivityQuery): ActivityPage {
    const conditions: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [
      ['dataset_id', query.datasetId],
      ['user_id', query.userId],
      ['action', query.action],
    ] as const) {
      if (value === undefined) continue;
      conditions.push(`${column} = ?`);
      params.push(value);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const { limit, offset } = activityPageBounds(query);
    const total = this.db
      .prepare(`SELECT count(*) FROM activity_log ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = this.db
      .prepare(`SELECT * FROM activity_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as ActivityRow[];
    return { entries: rows.map(entryFromRow), total };
  }
}
