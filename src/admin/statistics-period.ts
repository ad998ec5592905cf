// The dashboard's period, from its URL: `?period=day|week|month` (the last 1, 7 or 30 days up to
// today, UTC) or `?period=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`. Last week by default, as on ODS.

import type { Period } from '../analytics/index.ts';

export const PERIOD_KINDS = ['day', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The longest custom period, in days (the counters are kept 25 months at most). */
export const MAX_PERIOD_DAYS = 800;

export type PeriodProblem = 'kind' | 'date' | 'order' | 'length';

export interface PeriodChoice {
  kind: PeriodKind;
  period: Period;
  /** Why the URL's period was refused (the default period is shown instead). */
  problem: PeriodProblem | null;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function lastDays(today: Date, days: number): Period {
  return { from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDay(today) };
}

function validDate(text: string | null): text is string {
  if (text === null || !DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

export function readPeriod(query: URLSearchParams, today: Date): PeriodChoice {
  const kind = query.get('period') ?? 'week';
  const fallback = (problem: PeriodProblem): PeriodChoice => ({
    kind: 'week',
    period: lastDays(today, 7),
    problem,
  });
  switch (kind) {
    case 'day':
      return { kind, period: lastDays(today, 1), problem: null };
    case 'week':
      return { kind, period: lastDays(today, 7), problem: null };
    case 'month':
      return { kind, period: lastDays(today, 30), problem: null };
    case 'custom': {
      const from = query.get('from');
      const to = query.get('to');
      if (!validDate(from) || !validDate(to)) return fallback('date');
      if (from > to) return fallback('order');
      const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
      if (days > MAX_PERIOD_DAYS) return fallback('length');
      return { kind, period: { from, to }, problem: null };
    }
    default:
      return fallback('kind');
  }
}
