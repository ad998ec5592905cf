// Aggregation rows (`{x, y, series?}`) turned into what a chart draws: categories along X,
// series, and a value per category and series. Long tails are cut, and the cut is reported.

export const CHART_TYPES = ['column', 'bar', 'line', 'pie'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartData {
  categories: string[];
  series: string[];
  /** values[category][series]; null where the group has no value. */
  values: (number | null)[][];
  /** Categories or series left out (beyond the largest ones shown). */
  omittedCategories: number;
  omittedSeries: number;
}

export interface ChartRow {
  x: unknown;
  y: unknown;
  series?: unknown;
}

export const NO_SERIES = '';

function label(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function largest(totals: Map<string, number>, keep: number): Set<string> {
  return new Set(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, keep)
      .map(([key]) => key),
  );
}

/**
 * Keeps the rows' order of categories (the query sorts them), at most `maxCategories` of them
 * (the largest totals when there are more) and the `maxSeries` largest series.
 */
export function toChartData(
  rows: readonly ChartRow[],
  options: { maxCategories: number; maxSeries: number; emptyLabel: string; split: boolean },
): ChartData {
  const categoryTotals = new Map<string, number>();
  const seriesTotals = new Map<string, number>();
  for (const row of rows) {
    const y = typeof row.y === 'number' ? row.y : 0;
    const x = label(row.x, options.emptyLabel);
    const s = options.split ? label(row.series, options.emptyLabel) : NO_SERIES;
    categoryTotals.set(x, (categoryTotals.get(x) ?? 0) + Math.abs(y));
    seriesTotals.set(s, (seriesTotals.get(s) ?? 0) + Math.abs(y));
  }
  const keptCategories = largest(categoryTotals, options.maxCategories);
  const keptSeries = largest(seriesTotals, options.maxSeries);
  const categories = [...categoryTotals.keys()].filter((c) => keptCategories.has(c));
  const series = [...seriesTotals.keys()].filter((s) => keptSeries.has(s));
  const values = categories.map(() => series.map((): number | null => null));
  for (const row of rows) {
    const ci = categories.indexOf(label(row.x, options.emptyLabel));
    const si = series.indexOf(options.split ? label(row.series, options.emptyLabel) : NO_SERIES);
    if (ci >= 0 && si >= 0 && typeof row.y === 'number') values[ci]![si] = row.y;
  }
  return {
    categories,
    series,
    values,
    omittedCategories: categoryTotals.size - categories.length,
    omittedSeries: seriesTotals.size - series.length,
  };
}
