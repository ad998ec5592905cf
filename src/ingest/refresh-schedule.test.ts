import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PortalError } from '../core/errors.ts';
import { nextRunAfter, normaliseSchedule } from './refresh-schedule.ts';

test('named schedules and cron expressions are kept, anything else refused', () => {
  assert.equal(normaliseSchedule(''), 'none');
  assert.equal(normaliseSchedule(' daily '), 'daily');
  assert.equal(normaliseSchedule('30  6 * * 1-5'), '30 6 * * 1-5');
  for (const bad of ['sometimes', '* * * *', '0 0 * * * *', '61 * * * *', '@daily']) {
    assert.throws(
      () => normaliseSchedule(bad),
      (error: unknown) =>
        error instanceof PortalError && error.code === 'DG_ERR_IMPORT_SOURCE_INVALID',
      bad,
    );
  }
});

test('the next run follows the schedule in Paris time', () => {
  // 2026-01-15 is a Thursday; Paris is UTC+1 in winter, UTC+2 in summer.
  const winter = new Date('2026-01-15T10:20:00.000Z');
  assert.equal(nextRunAfter('none', winter), null);
  assert.equal(nextRunAfter('hourly', winter), '2026-01-15T11:00:00.000Z');
  assert.equal(nextRunAfter('daily', winter), '2026-01-15T23:00:00.000Z');
  assert.equal(nextRunAfter('weekly', winter), '2026-01-18T23:00:00.000Z');
  assert.equal(nextRunAfter('30 6 * * *', winter), '2026-01-16T05:30:00.000Z');
  assert.equal(
    nextRunAfter('30 6 * * *', new Date('2026-07-01T12:00:00.000Z')),
    '2026-07-02T04:30:00.000Z',
  );
  // Strictly after: a run due now is not due again.
  assert.equal(
    nextRunAfter('hourly', new Date('2026-01-15T11:00:00.000Z')),
    '2026-01-15T12:00:00.000Z',
  );
});
