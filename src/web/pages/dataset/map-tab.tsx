// The map tab: the dataset's points (clustered by the server) and shapes on an offline
// basemap, with a popup per record and, for the keyboard, the list of the records drawn. The
// map needs JavaScript; without it the page says so and points to the table and the exports.

import type { Dataset } from '../../../core/dataset.ts';
import { isMultivalued } from '../../../core/field.ts';
import type { MapConfig } from '../../client/map-config.ts';
import { ConsentPlaceholder } from '../../components/consent/consent-placeholder.tsx';
import { COUNTRIES_URL } from '../../basemap.ts';
import type { PageContext } from '../../page-context.ts';
import { ActiveFilters } from './active-filters.tsx';
import { datasetApiBase, filterParams } from './api-urls.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { datasetUrl, filtersQuery } from './dataset-tabs.tsx';
import type { MapFields } from './map-fields.ts';
import { scriptJson } from './schema-org.ts';
import type { TableState } from './table-state.ts';

export const LEAFLET_PATH = '/static/leaflet';

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
  geo: MapFields;
}) {
  const { ctx, dataset, state, geo } = props;
  const { t } = ctx;
  const fields = dataset.current?.fields ?? [];
  // The first tile service an administrator configured replaces the outlines once allowed.
  const tiles = ctx.consent?.policy.services.find((service) => service.kind === 'tiles');
  const config: MapConfig = {
    apiBase: datasetApiBase('', dataset.id),
    datasetId: dataset.id,
    lang: ctx.lang,
    pointField: geo.point,
    shapeField: geo.shape,
    filters: [...filterParams({ ...state, sort: null })],
    v1Filters: v1Filters(state),
    labels: Object.fromEntries(fields.map((f) => [f.name, f.label])),
    titleField: fields.find((f) => f.type === 'text' && !isMultivalued(f))?.name ?? null,
    tableUrl: `${datasetUrl(dataset.id, 'table')}${filtersQuery(state)}`,
    basemap: {
      countriesUrl: COUNTRIES_URL,
      tiles: tiles
        ? {
            serviceId: tiles.id,
            url: tiles.url,
            attribution: tiles.attribution,
            allowed: ctx.consent?.allows(tiles.id) ?? false,
          }
        : null,
    },
    // Placeholders are left for the script to fill: t() keeps `{name}` it is not given.
    messages: {
      records: t('map.records'),
      openRecord: t('map.openRecord'),
      error: t('map.error'),
      loading: t('map.loading'),
      capped: t('map.capped'),
      listed: t('map.listed'),
      untitled: t('map.untitled'),
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
      <p class="fr-text--sm">{t(geo.point === null ? 'map.helpShapes' : 'map.help')}</p>
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
      <p id="dataset-map-notice" class="fr-text--sm" />
      <details id="dataset-map-list" class="dg-map-list" hidden>
        <summary />
        <ul />
      </details>
      {tiles && !config.basemap.tiles?.allowed ? (
        <div class="fr-mb-2w">
          <ConsentPlaceholder ctx={ctx} service={tiles} heading="h2" compact />
        </div>
      ) : null}
      <p class="fr-text--xs">{t('map.attribution')}</p>
      <script type="module" src="/static/js/map.js" />
    </DatasetLayout>
  );
}
