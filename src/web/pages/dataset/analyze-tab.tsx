// The analyze tab: a chart builder (type, X field or date period, measure, series) answered
// by the server as an SVG chart with its values in a table. The form is a GET form, so a chart
// is a URL that can be shared, and it all works without JavaScript.

import type { Dataset } from '../../../core/dataset.ts';
import type { Field } from '../../../core/field.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { SvgChart } from '../../components/charts/svg-chart.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import type { PageContext } from '../../page-context.ts';
import { ActiveFilters } from './active-filters.tsx';
import type { AnalyzeModel } from './analyze-model.ts';
import type { ChartSpec } from './analyze-state.ts';
import {
  AGGREGATES,
  CHART_TYPES,
  granularitiesOf,
  numericFields,
  seriesFields,
  xFields,
} from './analyze-state.ts';
import { datasetApiBase } from './api-urls.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { datasetUrl } from './dataset-tabs.tsx';
import type { TableState } from './table-state.ts';
import { filterParams } from './api-urls.ts';

interface Option {
  value: string;
  label: string;
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  value: string;
}) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={props.id}>
        {props.label}
      </label>
      <select class="fr-select" id={props.id} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const asOptions = (fields: Field[]): Option[] =>
  fields.map((f) => ({ value: f.name, label: f.label }));

function ChartForm({
  ctx,
  dataset,
  state,
  spec,
}: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  spec: ChartSpec;
}) {
  const { t } = ctx;
  const fields = dataset.current?.fields ?? [];
  const none = { value: '', label: t('analyze.none') };
  return (
    <form method="get" action={datasetUrl(dataset.id, 'analyze')} class="fr-mb-4w" id="chart-form">
      {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {state.refines.map((r) => (
        <input type="hidden" name={`refine.${r.field}`} value={r.value} />
      ))}
      {state.excludes.map((e) => (
        <input type="hidden" name={`exclude.${e.field}`} value={e.value} />
      ))}
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-type"
            name="type"
            label={t('analyze.type')}
            value={spec.type}
            options={CHART_TYPES.map((v) => ({ value: v, label: t(`analyze.type.${v}`) }))}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-x"
            name="x"
            label={t('analyze.x')}
            value={spec.x}
            options={asOptions(xFields(fields))}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-granularity"
            name="granularity"
            label={t('analyze.granularity')}
            value={spec.granularity}
            options={granularitiesOf(fields.find((f) => f.name === spec.x)!).map((v) => ({
              value: v,
              label: t(`analyze.granularity.${v}`),
            }))}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-y"
            name="y"
            label={t('analyze.y')}
            value={spec.y}
            options={AGGREGATES.map((v) => ({ value: v, label: t(`analyze.y.${v}`) }))}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-yfield"
            name="yfield"
            label={t('analyze.yField')}
            value={spec.yField ?? ''}
            options={[none, ...asOptions(numericFields(fields))]}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <Select
            id="chart-series"
            name="series"
            label={t('analyze.series')}
            value={spec.series ?? ''}
            options={[none, ...asOptions(seriesFields(fields))]}
          />
        </div>
      </div>
      <button class="fr-btn" type="submit">
        {t('analyze.draw')}
      </button>
    </form>
  );
}

function ValuesTable({
  ctx,
  model,
  title,
}: {
  ctx: PageContext;
  model: AnalyzeModel;
  title: string;
}) {
  const data = model.data!;
  const { t } = ctx;
  const cell = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : ctx.number(v);
  return (
    <ScrollTable id="chart-values" caption={t('analyze.valuesOf', { title })} showCaption>
      <thead>
        <tr>
          <th scope="col">{t('analyze.category')}</th>
          {data.series.map((s) => (
            <th scope="col">{s || t('analyze.value')}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.categories.map((category, ci) => (
          <tr>
            <th scope="row">{category}</th>
            {data.series.map((_, si) => (
              <td>{cell(data.values[ci]![si])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function AnalyzeTab(props: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  spec: ChartSpec | null;
  model: AnalyzeModel | null;
}) {
  const { ctx, dataset, state, spec, model } = props;
  const { t } = ctx;
  const fields = dataset.current?.fields ?? [];
  const label = (name: string | null) => fields.find((f) => f.name === name)?.label ?? name ?? '';
  const title = spec
    ? spec.y === 'count'
      ? t('analyze.titleCount', { x: label(spec.x) })
      : t('analyze.titleMeasure', {
          y: t(`analyze.y.${spec.y}` as MessageKey),
          field: label(spec.yField),
          x: label(spec.x),
        })
    : '';
  const apiParams = filterParams(state);
  if (model) {
    apiParams.set('select', model.query.select);
    apiParams.set('group_by', model.query.groupBy);
    apiParams.set('order_by', model.query.orderBy);
    apiParams.set('limit', '5000');
  }
  return (
    <DatasetLayout ctx={ctx} dataset={dataset} tab="analyze" state={state}>
      <ActiveFilters ctx={ctx} dataset={dataset} state={state} tab="analyze" />
      {!spec || !model ? (
        <p>{t('analyze.nothing')}</p>
      ) : (
        <>
          <ChartForm ctx={ctx} dataset={dataset} state={state} spec={spec} />
          {model.error !== null ? (
            <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
              <h2 class="fr-alert__title">{t('table.invalidSearch')}</h2>
              <p>{model.error}</p>
            </div>
          ) : model.data && model.data.categories.length > 0 ? (
            <figure class="fr-mb-4w" aria-labelledby="chart-caption">
              <figcaption id="chart-caption" class="fr-h5">
                {title}
              </figcaption>
              <SvgChart
                id="chart"
                type={spec.type}
                title={title}
                data={model.data}
                format={ctx.number}
              />
              {model.data.omittedCategories > 0 || model.data.omittedSeries > 0 ? (
                <p class="fr-text--sm">
                  {t('analyze.omitted', {
                    categories: model.data.omittedCategories,
                    series: model.data.omittedSeries,
                  })}
                </p>
              ) : null}
              <ValuesTable ctx={ctx} model={model} title={title} />
            </figure>
          ) : (
            <p role="status">{t('analyze.empty')}</p>
          )}
          <p>
            <a
              class="fr-link"
              href={`${datasetApiBase(ctx.site.baseUrl, dataset.id)}/records?${apiParams}`}
            >
              {t('analyze.apiLink')}
            </a>
          </p>
        </>
      )}
    </DatasetLayout>
  );
}
