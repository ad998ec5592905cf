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

/** The dashboard's URL for this period (and dataset), with `extra` parameters. */
export function statisticsUrl(
  choice: PeriodChoice,
  dataset: string | null,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ period: choice.kind });
  if (choice.kind === 'custom') {
    params.set('from', choice.period.from);
    params.set('to', choice.period.to);
  }
  if (dataset !== null) params.set('dataset', dataset);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `${STATISTICS_PATH}?${params.toString()}`;
}

function csvUrl(choice: PeriodChoice, dataset: string | null, figure: string): string {
  return statisticsUrl(choice, dataset, { format: 'csv', figure });
}

interface ScopeProps {
  ctx: PageContext;
  choice: PeriodChoice;
  /** The dataset the figures are restricted to, or null for the whole portal. */
  dataset: string | null;
  /** A `?dataset=` no dataset has, shown back in the form with its message. */
  unknownDataset: string | null;
}

function DatasetInput({ ctx, dataset, unknownDataset }: Omit<ScopeProps, 'choice'>) {
  const { t } = ctx;
  const error = unknownDataset !== null;
  return (
    <div class="fr-fieldset__element">
      <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for="period-dataset">
          {t('stats.period.dataset')}
          <span class="fr-hint-text">{t('stats.period.datasetHint')}</span>
        </label>
        <input
          class={`fr-input${error ? ' fr-input--error' : ''}`}
          type="text"
          id="period-dataset"
          name="dataset"
          value={unknownDataset ?? dataset ?? ''}
          aria-describedby={error ? 'period-dataset-error' : undefined}
        />
        {error ? (
          <p id="period-dataset-error" class="fr-error-text">
            {t('stats.problem.dataset', { dataset: unknownDataset })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function PeriodForm({ ctx, choice, dataset, unknownDataset }: ScopeProps) {
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
        <DatasetInput ctx={ctx} dataset={dataset} unknownDataset={unknownDataset} />
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
  dataset,
}: {
  ctx: PageContext;
  figure: Figure;
  choice: PeriodChoice;
  dataset: string | null;
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
          href={csvUrl(choice, dataset, figure.id)}
        >
          {t('stats.csv', { title: figure.title })}
        </a>
      </p>
    </section>
  );
}

export function StatisticsPage(props: ScopeProps & { figures: Figure[] }) {
  const { ctx, choice, figures, dataset } = props;
  const { t } = ctx;
  const dates = { from: choice.period.from, to: choice.period.to };
  const title = dataset === null ? t('stats.title') : t('stats.titleOfDataset', { dataset });
  const crumbs =
    dataset === null
      ? [{ label: title }]
      : [{ label: t('stats.title'), href: statisticsUrl(choice, null) }, { label: title }];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={STATISTICS_PATH} />
        <h1>{title}</h1>
        {dataset === null ? (
          <p>{t('stats.intro', dates)}</p>
        ) : (
          <>
            <p>{t('stats.introOfDataset', dates)}</p>
            <p>
              <a class="fr-link" href={statisticsUrl(choice, null)}>
                {t('stats.wholePortal')}
              </a>
            </p>
          </>
        )}
        {choice.problem ? (
          <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <p>{t(`stats.problem.${choice.problem}` as MessageKey)}</p>
          </div>
        ) : null}
        <PeriodForm {...props} />
        {figures.map((figure) => (
          <FigureSection ctx={ctx} figure={figure} choice={choice} dataset={dataset} />
        ))}
      </div>
    </Layout>
  );
}

export { STATISTICS_PATH };
