// The audience of one dataset on its back-office page: the last 30 days' page views, API calls,
// downloads and searches in its records, from the portal's own anonymous counters, with a link
// to the dashboard restricted to the dataset (administrators only open the dashboard).

import type { AudienceReport } from '../analytics/index.ts';
import type { PageContext } from '../web/page-context.ts';
import { STATISTICS_PATH } from './backoffice-menu.tsx';

export function DatasetAudience(props: { ctx: PageContext; report: AudienceReport }) {
  const { ctx, report } = props;
  const { t } = ctx;
  const { totals, period } = report;
  const figures: [string, number][] = [
    [t('stats.total.pageViews'), totals.pageViews],
    [t('stats.total.apiCalls'), totals.apiCalls],
    [t('stats.total.downloads'), totals.downloads],
    [t('stats.total.searches'), totals.searches],
  ];
  const dashboard = `${STATISTICS_PATH}?${new URLSearchParams({
    period: 'month',
    dataset: report.dataset ?? '',
  }).toString()}`;
  return (
    <section aria-labelledby="audience-heading" class="fr-mb-4w">
      <h2 id="audience-heading" class="fr-h4">
        {t('bo.dataset.audience')}
      </h2>
      <p class="fr-text--sm">
        {t('bo.dataset.audienceIntro', { from: period.from, to: period.to })}
      </p>
      <dl id="dataset-audience">
        {figures.map(([label, count]) => (
          <>
            <dt>{label}</dt>
            <dd>{ctx.number(count)}</dd>
          </>
        ))}
      </dl>
      {ctx.viewer.role === 'admin' ? (
        <p>
          <a class="fr-link" href={dashboard}>
            {t('bo.dataset.audienceLink')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
