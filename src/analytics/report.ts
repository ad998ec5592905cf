// The figures the dashboard shows for a period, read from the hourly counters.

import type { AudienceStore, AudienceTotal, HourRange } from '../storage/audience-store.ts';
import { METRICS } from './aggregate.ts';
import { OTHER_TERMS } from './search-terms.ts';

/** Whole UTC days, `from` and `to` included (`YYYY-MM-DD`). */
export interface Period {
  from: string;
  to: string;
}

export interface Line {
  label: string;
  count: number;
}

export interface DayFigures {
  day: string;
  visitors: number;
  pageViews: number;
  apiCalls: number;
  downloads: number;
}

export interface DatasetFigures {
  dataset: string;
  views: number;
  apiCalls: number;
  downloads: number;
  /** Views + API calls + downloads: one figure to rank datasets by use. */
  score: number;
}

export interface AudienceReport {
  period: Period;
  /** The dataset the figures are restricted to, or null for the whole portal. */
  dataset: string | null;
  totals: {
    visitors: number;
    pageViews: number;
    datasetViews: number;
    apiCalls: number;
    downloads: number;
    searches: number;
    emptySearches: number;
    errors: number;
    robotRequests: number;
    humanRequests: number;
    /** Hits lost because the recorder's buffer was full. */
    dropped: number;
  };
  trend: DayFigures[];
  datasets: DatasetFigures[];
  apiSources: Line[];
  /** API calls per API key id (`ak_…`). */
  apiKeys: Line[];
  apiEndpoints: Line[];
  downloadFormats: Line[];
  pageKinds: Line[];
  searchTerms: Line[];
  emptySearchTerms: Line[];
  errors: Line[];
  devices: Line[];
  referrers: Line[];
  robots: Line[];
}

export function hourRange(period: Period): HourRange {
  const to = new Date(`${period.to}T00:00:00.000Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: `${period.from}T00:00:00.000Z`, to: to.toISOString() };
}

/**
 * The figures of a period, of the whole portal or of one dataset. Visitors are counted for the
 * portal only (a visitor is not tied to the datasets they saw), so a dataset's report has none.
 */
export async function readReport(
  store: AudienceStore,
  period: Period,
  dataset: string | null = null,
): Promise<AudienceReport> {
  const range = hourRange(period);
  const [totals, daily, visitors] = await Promise.all([
    store.totals(range, dataset ?? undefined),
    store.daily(range, dataset ?? undefined),
    dataset === null ? store.visitors(range) : Promise.resolve([]),
  ]);
  const of = (metric: string) => totals.filter((t) => t.metric === metric);
  const sum = (rows: AudienceTotal[]) => rows.reduce((n, row) => n + Number(row.count), 0);
  const searches = of(METRICS.search);
  return {
    period,
    dataset,
    totals: {
      visitors: visitors.reduce((n, v) => n + Number(v.visitors), 0),
      pageViews: sum(of(METRICS.pageView)),
      datasetViews: sum(of(METRICS.pageView).filter((t) => t.dataset !== '')),
      apiCalls: sum(of(METRICS.apiCall)),
      downloads: sum(of(METRICS.download)),
      searches: sum(searches),
      emptySearches: sum(searches.filter((t) => t.detail === 'empty')),
      errors: sum(of(METRICS.error)),
      robotRequests: sum(of(METRICS.robot)),
      humanRequests: sum(of(METRICS.request)),
      dropped: sum(of(METRICS.dropped)),
    },
    trend: trend(period, daily, visitors),
    datasets: datasetFigures(totals),
    apiSources: lines(of(METRICS.apiSource), (t) => t.kind),
    apiKeys: lines(
      of(METRICS.apiSource).filter((t) => t.kind === 'apikey' && t.detail !== ''),
      (t) => t.detail,
    ),
    apiEndpoints: lines(of(METRICS.apiCall), (t) => t.kind),
    downloadFormats: lines(of(METRICS.download), (t) => t.detail),
    pageKinds: lines(of(METRICS.pageView), (t) => t.kind),
    searchTerms: terms(of(METRICS.searchTerm)),
    emptySearchTerms: terms(of(METRICS.searchTermEmpty)),
    errors: lines(of(METRICS.error), (t) => t.detail),
    devices: lines(of(METRICS.device), (t) => t.kind),
    referrers: lines(of(METRICS.referrer), (t) => t.detail).slice(0, 20),
    robots: lines(of(METRICS.robot), (t) => t.kind),
  };
}

/** Sums rows per label, largest first (ties by label). */
function lines(rows: AudienceTotal[], label: (row: AudienceTotal) => string): Line[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(label(row), (sums.get(label(row)) ?? 0) + Number(row.count));
  return [...sums]
    .map(([name, count]) => ({ label: name, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Terms with their scope, the folded rare terms last. */
function terms(rows: AudienceTotal[]): Line[] {
  const all = lines(rows, (t) => `${t.kind}: ${t.detail}`);
  const other = all.filter((line) => line.label.endsWith(OTHER_TERMS));
  return [...all.filter((line) => !line.label.endsWith(OTHER_TERMS)).slice(0, 50), ...other];
}

export function datasetFigures(totals: AudienceTotal[]): DatasetFigures[] {
  const byId = new Map<string, DatasetFigures>();
  const entry = (id: string) => {
    let figures = byId.get(id);
    if (!figures) {
      figures = { dataset: id, views: 0, apiCalls: 0, downloads: 0, score: 0 };
      byId.set(id, figures);
    }
    return figures;
  };
  for (const row of totals) {
    if (row.dataset === '') continue;
    const count = Number(row.count);
    if (row.metric === METRICS.pageView) entry(row.dataset).views += count;
    else if (row.metric === METRICS.apiCall) entry(row.dataset).apiCalls += count;
    else if (row.metric === METRICS.download) entry(row.dataset).downloads += count;
    else continue;
    entry(row.dataset).score += count;
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.dataset.localeCompare(b.dataset));
}

function trend(
  period: Period,
  daily: { day: string; metric: string; count: number }[],
  visitors: { day: string; visitors: number }[],
): DayFigures[] {
  const days: DayFigures[] = [];
  for (const day of eachDay(period)) {
    const count = (metric: string) =>
      Number(daily.find((d) => d.day === day && d.metric === metric)?.count ?? 0);
    days.push({
      day,
      visitors: Number(visitors.find((v) => v.day === day)?.visitors ?? 0),
      pageViews: count(METRICS.pageView),
      apiCalls: count(METRICS.apiCall),
      downloads: count(METRICS.download),
    });
  }
  return days;
}

export function eachDay(period: Period): string[] {
  const days: string[] = [];
  const day = new Date(`${period.from}T00:00:00.000Z`);
  const end = new Date(`${period.to}T00:00:00.000Z`);
  while (day <= end && days.length < 1000) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}
