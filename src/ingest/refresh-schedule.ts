// Refresh schedules of remote sources: `none`, `hourly`, `daily`, `weekly`, or a 5-field cron
// expression (minute hour day-of-month month day-of-week). Times are Paris time, as on ODS, so
// "daily" runs at midnight in France whatever the server's zone.

import { CronExpressionParser } from 'cron-parser';

import { PortalError } from '../core/errors.ts';
import type { RefreshSchedule } from '../core/import-job.ts';

export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

const NAMED: Record<string, string> = {
  hourly: '0 * * * *',
  daily: '0 0 * * *',
  weekly: '0 0 * * 1',
};

function cronOf(schedule: string): string {
  return NAMED[schedule] ?? schedule;
}

/** The schedule, trimmed and with single spaces; DG_ERR_IMPORT_SOURCE_INVALID when unusable. */
export function normaliseSchedule(raw: string): RefreshSchedule {
  const schedule = raw.trim().replace(/\s+/g, ' ');
  if (schedule === '' || schedule === 'none') return 'none';
  if (NAMED[schedule] !== undefined) return schedule;
  if (schedule.split(' ').length !== 5) {
    throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
      detail: `"${raw}" is not a schedule: use none, hourly, daily, weekly or a 5-field cron expression`,
    });
  }
  try {
    CronExpressionParser.parse(schedule, { tz: SCHEDULE_TIME_ZONE, strict: false });
  } catch (error) {
    throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
      detail: `"${raw}" is not a valid cron expression (${(error as Error).message})`,
    });
  }
  return schedule;
}

/** The first run strictly after `after` (ISO 8601 UTC), or null for `none`. */
export function nextRunAfter(schedule: RefreshSchedule, after: Date): string | null {
  if (schedule === 'none') return null;
  const expression = CronExpressionParser.parse(cronOf(schedule), {
    tz: SCHEDULE_TIME_ZONE,
    currentDate: after,
  });
  return expression.next().toDate().toISOString();
}
