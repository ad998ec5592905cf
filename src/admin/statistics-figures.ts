// The dashboard's figures, each a table (and, where it helps, a chart of the same values): the
// page shows them side by side, and `?format=csv&figure=ID` sends one of them as CSV.

import type { AudienceReport, Line } from '../analytics/index.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import type { ChartData, ChartType } from '../web/components/charts/chart-data.ts';

export interface Figure {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number)[][];
  chart: { type: ChartType; data: ChartData } | null;
}

/** The labels the measurement writes that the catalogues translate; others show as they are. */
const LABELS: Record<string, readonly string[]> = {
  source: ['site', 'widgets', 'apikey', 'other'],
  device: ['mobile', 'tablet', 'desktop'],
  kind: ['page', 'api', 'download', 'error', 'other'],
  page: [
    'home',
    'catalog',
    'dataset-information',
    'dataset-table',
    'dataset-map',
    'dataset-analyze',
    'dataset-api',
    'dataset-export',
    'cookies',
    'cookie-preferences',
    'legal',
    'sitemap',
    'login',
    'account',
  ],
};

function labelOf(t: Translate, group: string, label: string): string {
  if (!LABELS[group]?.includes(label)) return label;
  return t(`stats.label.${group}.${label}` as MessageKey);
}

function chartOf(type: ChartType, categories: string[], series: string[], values: number[][]) {
  return {
    type,
    data: { categories, series, values, omittedCategories: 0, omittedSeries: 0 },
  };
}

function lineFigure(
  t: Translate,
  id: string,
  lines: Line[],
  options: { label: string; group?: string; chart?: ChartType; max?: number },
): Figure {
  const shown = lines.slice(0, options.max ?? 20);
  const label = (line: Line) =>
    options.group ? labelOf(t, options.group, line.label) : line.label;
  return {
    id,
    title: t(`stats.figure.${id}` as MessageKey),
    columns: [options.label, t('stats.col.count')],
    rows: shown.map((line) => [label(line), line.count]),
    chart:
      options.chart && shown.length > 0
        ? chartOf(
            options.chart,
            shown.map(label),
            [t('stats.col.count')],
            shown.map((line) => [line.count]),
          )
        : null,
  };
}

/** What the figures show of an API key: its label and its owner, never the key itself. */
export type KeyNames = ReadonlyMap<string, string>;

/** The figures of a report: the whole portal's, or, when the report is a dataset's, its own. */
export function statisticsFigures(
  t: Translate,
  report: AudienceReport,
  keyNames: KeyNames = new Map(),
): Figure[] {
  const portal = report.dataset === null;
  const series = [
    ...(portal ? [t('stats.total.visitors')] : []),
    t('stats.total.pageViews'),
    t('stats.total.apiCalls'),
    t('stats.total.downloads'),
  ];
  const trend = report.trend.map((d) => [
    ...(portal ? [d.visitors] : []),
    d.pageViews,
    d.apiCalls,
    d.downloads,
  ]);
  const usage: Figure[] = [
    totalsFigure(t, report),
    {
      id: 'trend',
      title: t('stats.figure.trend'),
      columns: [t('stats.col.day'), ...series],
      rows: report.trend.map((d, i) => [d.day, ...trend[i]!]),
      chart: chartOf(
        'line',
        report.trend.map((d) => d.day),
        series,
        trend,
      ),
    },
  ];
  const api: Figure[] = [
    lineFigure(t, 'api-sources', report.apiSources, {
      label: t('stats.col.source'),
      group: 'source',
      chart: 'pie',
    }),
    lineFigure(
      t,
      'api-keys',
      report.apiKeys.map((line) => ({ ...line, label: keyNames.get(line.label) ?? line.label })),
      { label: t('stats.col.apiKey') },
    ),
    lineFigure(t, 'api-endpoints', report.apiEndpoints, { label: t('stats.col.endpoint') }),
    lineFigure(t, 'downloads', report.downloadFormats, {
      label: t('stats.col.format'),
      chart: 'column',
    }),
    lineFigure(t, 'pages', report.pageKinds, { label: t('stats.col.page'), group: 'page' }),
    lineFigure(t, 'searches', report.searchTerms, { label: t('stats.col.term'), max: 51 }),
    lineFigure(t, 'empty-searches', report.emptySearchTerms, {
      label: t('stats.col.term'),
      max: 51,
    }),
  ];
  if (!portal) return [...usage, ...api];
  return [...usage, datasetsFigure(t, report), ...api, ...portalFigures(t, report)];
}

function totalsFigure(t: Translate, report: AudienceReport): Figure {
  const totals = report.totals;
  const requests = totals.humanRequests + totals.robotRequests;
  const robotShare = requests === 0 ? 0 : Math.round((1000 * totals.robotRequests) / requests) / 10;
  const rows: [string, number][] =
    report.dataset === null
      ? [
          [t('stats.total.visitors'), totals.visitors],
          [t('stats.total.pageViews'), totals.pageViews],
          [t('stats.total.datasetViews'), totals.datasetViews],
          [t('stats.total.apiCalls'), totals.apiCalls],
          [t('stats.total.downloads'), totals.downloads],
          [t('stats.total.searches'), totals.searches],
          [t('stats.total.emptySearches'), totals.emptySearches],
          [t('stats.total.errors'), totals.errors],
          [t('stats.total.robotRequests'), totals.robotRequests],
          [t('stats.total.robotShare'), robotShare],
          [t('stats.total.dropped'), totals.dropped],
        ]
      : [
          [t('stats.total.pageViews'), totals.pageViews],
          [t('stats.total.apiCalls'), totals.apiCalls],
          [t('stats.total.downloads'), totals.downloads],
          [t('stats.total.searches'), totals.searches],
          [t('stats.total.emptySearches'), totals.emptySearches],
        ];
  return {
    id: 'totals',
    title: t('stats.figure.totals'),
    columns: [t('stats.col.figure'), t('stats.col.value')],
    rows,
    chart: null,
  };
}

function datasetsFigure(t: Translate, report: AudienceReport): Figure {
  const top = report.datasets.slice(0, 20);
  return {
    id: 'datasets',
    title: t('stats.figure.datasets'),
    columns: [
      t('stats.col.dataset'),
      t('stats.col.views'),
      t('stats.col.apiCalls'),
      t('stats.col.downloads'),
      t('stats.col.score'),
    ],
    rows: top.map((d) => [d.dataset, d.views, d.apiCalls, d.downloads, d.score]),
    chart:
      top.length > 0
        ? chartOf(
            'bar',
            top.slice(0, 10).map((d) => d.dataset),
            [t('stats.col.views'), t('stats.col.apiCalls'), t('stats.col.downloads')],
            top.slice(0, 10).map((d) => [d.views, d.apiCalls, d.downloads]),
          )
        : null,
  };
}

/** Figures of the whole portal that no dataset has a share of. */
function portalFigures(t: Translate, report: AudienceReport): Figure[] {
  return [
    lineFigure(t, 'errors', report.errors, { label: t('stats.col.status') }),
    lineFigure(t, 'devices', report.devices, {
      label: t('stats.col.device'),
      group: 'device',
      chart: 'pie',
    }),
    lineFigure(t, 'referrers', report.referrers, { label: t('stats.col.domain') }),
    lineFigure(t, 'robots', report.robots, { label: t('stats.col.kind'), group: 'kind' }),
  ];
}

/** RFC 4180 CSV, CRLF line ends. */
export function figureCsv(figure: Figure): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    [figure.columns, ...figure.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
  );
}
