// The audience dashboard (administrators only): the period form, then each figure as a chart
// and the table of its values side by side, with a CSV link. Server-rendered; works without JS.

import type { MessageKey } from '../i18n/translate.ts';
import { SvgChart } from '../web/components/charts/svg-chart.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import { Layout } from '../web/layout/layout.tsx';
import { BackOfficeMenu, STATISTICS_PATH } from './backoffice-menu.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Figure } from './statistics-figures.ts';
import type { PeriodChoice } from './statistics-period.ts';
import { PERIOD_KINDS } from './statistics-period.ts';

function csvUrl(choice: PeriodChoice, figure: string): string {
  const params = new URLSearchParams({ period: choice.kind });
  if (choice.kind === 'custom') {
    params.set('from', choice.period.from);
    params.set('to', choice.period.to);
  }
  params.set('format', 'csv');
  params.set('figure', figure);
  return `${STATISTICS_PATH}?${params.toString()}`;
}

function PeriodForm({ ctx, choice }: { ctx: PageContext; choice: PeriodChoice }) {
  const { t } = ctx;
  return (
    <form method="get" action={STATISTICS_PATH} class="fr-mb-4w">
      <fieldset class="fr-fieldset" aria-labelledby="period-legend">
        <legend id="period-legend" class="fr-fieldset__legend">
          {t('stats.period.legend')}
        </legend>
        {PERIOD_KINDS.map((kind) => (
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-radio-group">
              <input
                type="radio"
                id={`period-${kind}`}
                name="period"
                value={kind}
                checked={choice.kind === kind}
              />
              <label class="fr-label" for={`period-${kind}`}>
                {t(`stats.period.${kind}` as MessageKey)}
              </label>
            </div>
          </div>
        ))}
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-input-group">
            <label class="fr-label" for="period-from">
              {t('stats.period.from')}
              <span class="fr-hint-text">{t('stats.period.dateHint')}</span>
            </label>
            <input
              class="fr-input"
              type="date"
              id="period-from"
              name="from"
              value={choice.period.from}
            />
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-input-group">
            <label class="fr-label" for="period-to">
              {t('stats.period.to')}
              <span class="fr-hint-text">{t('stats.period.dateHint')}</span>
            </label>
            <input class="fr-input" type="date" id="period-to" name="to" value={choice.period.to} />
          </div>
        </div>
        <div class="fr-fieldset__element">
          <button class="fr-btn" type="submit">
            {t('stats.period.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function FigureSection({
  ctx,
  figure,
  choice,
}: {
  ctx: PageContext;
  figure: Figure;
  choice: PeriodChoice;
}) {
  const { t } = ctx;
  const id = `figure-${figure.id}`;
  const cell = (value: string | number) => (typeof value === 'number' ? ctx.number(value) : value);
  return (
    <section aria-labelledby={`${id}-heading`} class="fr-mb-6w">
      <h2 id={`${id}-heading`} class="fr-h4">
        {figure.title}
      </h2>
      {figure.rows.length === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <div class="fr-grid-row fr-grid-row--gutters">
          {figure.chart ? (
            <div class="fr-col-12 fr-col-lg-6">
              <SvgChart
                id={`${id}-chart`}
                type={figure.chart.type}
                title={figure.title}
                data={figure.chart.data}
                format={ctx.number}
              />
            </div>
          ) : null}
          <div class={figure.chart ? 'fr-col-12 fr-col-lg-6' : 'fr-col-12'}>
            <ScrollTable id={`${id}-table`} caption={t('stats.valuesOf', { title: figure.title })}>
              <thead>
                <tr>
                  {figure.columns.map((column) => (
                    <th scope="col">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figure.rows.map(([first, ...rest]) => (
                  <tr>
                    <th scope="row">{cell(first!)}</th>
                    {rest.map((value) => (
                      <td>{cell(value)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </div>
        </div>
      )}
      <p>
        <a
          class="fr-link fr-icon-download-line fr-link--icon-left"
          href={csvUrl(choice, figure.id)}
        >
          {t('stats.csv', { title: figure.title })}
        </a>
      </p>
    </section>
  );
}

export function StatisticsPage(props: {
  ctx: PageContext;
  choice: PeriodChoice;
  figures: Figure[];
}) {
  const { ctx, choice, figures } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.title')} crumbs={[{ label: t('stats.title') }]}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={STATISTICS_PATH} />
        <h1>{t('stats.title')}</h1>
        <p>
          {t('stats.intro', {
            from: choice.period.from,
            to: choice.period.to,
          })}
        </p>
        {choice.problem ? (
          <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <p>{t(`stats.problem.${choice.problem}` as MessageKey)}</p>
          </div>
        ) : null}
        <PeriodForm ctx={ctx} choice={choice} />
        {figures.map((figure) => (
          <FigureSection ctx={ctx} figure={figure} choice={choice} />
        ))}
      </div>
    </Layout>
  );
}

export { STATISTICS_PATH };
