// The map tab: the dataset's points on an offline basemap, clustered by the server, with a
// popup per record. The map needs JavaScript; without it the page says so and points to the
// table and the geographic exports.

import type { Dataset } from '../../../core/dataset.ts';
import type { MapConfig } from '../../client/map-config.ts';
import type { PageContext } from '../../page-context.ts';
import { ActiveFilters } from './active-filters.tsx';
import { datasetApiBase, filterParams } from './api-urls.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { datasetUrl, filtersQuery } from './dataset-tabs.tsx';
import { scriptJson } from './schema-org.ts';
import type { TableState } from './table-state.ts';

export const LEAFLET_PATH = '/static/leaflet';

/** The field the map shows: the dataset's first geo_point_2d field. */
export function mapField(dataset: Dataset): string | null {
  return dataset.current?.fields.find((f) => f.type === 'geo_point_2d')?.name ?? null;
}

function v1Filters(state: TableState): [string, string][] {
  const pairs: [string, string][] = [];
  if (state.q) pairs.push(['q', state.q]);
  for (const r of state.refines) pairs.push([`refine.${r.field}`, r.value]);
  for (const e of state.excludes) pairs.push([`exclude.${e.field}`, e.value]);
  return pairs;
}

export function MapTab(props: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  field: string;
}) {
  const { ctx, dataset, state, field } = props;
  const { t } = ctx;
  const config: MapConfig = {
    apiBase: datasetApiBase('', dataset.id),
    datasetId: dataset.id,
    field,
    filters: [...filterParams({ ...state, sort: null })],
    v1Filters: v1Filters(state),
    labels: Object.fromEntries((dataset.current?.fields ?? []).map((f) => [f.name, f.label])),
    tableUrl: `${datasetUrl(dataset.id, 'table')}${filtersQuery(state)}`,
    messages: {
      records: t('map.records'),
      openRecord: t('map.openRecord'),
      error: t('map.error'),
    },
  };
  return (
    <DatasetLayout
      ctx={ctx}
      dataset={dataset}
      tab="map"
      state={state}
      head={<link rel="stylesheet" href={`${LEAFLET_PATH}/leaflet.css`} />}
    >
      <ActiveFilters ctx={ctx} dataset={dataset} state={state} tab="map" />
      <p class="fr-text--sm">{t('map.help')}</p>
      <div
        id="dataset-map"
        class="dg-map"
        role="region"
        aria-label={t('map.label', { title: dataset.metas.title })}
        data-config={scriptJson(config)}
      >
        <noscript>
          <p class="fr-p-3w">
            {t('map.noScript')}{' '}
            <a href={`${datasetUrl(dataset.id, 'table')}${filtersQuery(state)}`}>
              {t('tab.table')}
            </a>
            {' · '}
            <a href={`${datasetUrl(dataset.id, 'export')}${filtersQuery(state)}`}>
              {t('tab.export')}
            </a>
          </p>
        </noscript>
      </div>
      <p id="dataset-map-status" role="status" class="fr-text--sm" />
      <p class="fr-text--xs">{t('map.attribution')}</p>
      <script type="module" src="/static/js/map.js" />
    </DatasetLayout>
  );
}
