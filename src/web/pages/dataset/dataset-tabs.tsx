// The dataset page's header and tabs. Each tab is its own URL, as on ODS portals
// (/explore/dataset/{id}/information/, …/table/…); the tabs are links, so they work without
// JavaScript.

import type { Dataset } from '../../../core/dataset.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import type { PageContext } from '../../page-context.ts';
import { mapFields } from './map-fields.ts';
import type { TableState } from './table-state.ts';
import { tableQuery } from './table-state.ts';

export const DATASET_TABS = ['information', 'table', 'map', 'analyze', 'export', 'api'] as const;
export type DatasetTab = (typeof DATASET_TABS)[number];

export function datasetUrl(id: string, tab?: DatasetTab): string {
  return `/explore/dataset/${encodeURIComponent(id)}/${tab ? `${tab}/` : ''}`;
}

/** The map tab is offered for datasets with a geo_point_2d or a geo_shape field. */
export function hasMap(dataset: Dataset): boolean {
  return mapFields(dataset.current?.fields ?? []) !== null;
}

/** The filters and sort carried from tab to tab (not the page, columns or open record). */
export function filtersQuery(state: TableState | undefined): string {
  if (!state) return '';
  return tableQuery({ ...state, page: 1, columns: null, record: null });
}

export function DatasetTabs(props: {
  ctx: PageContext;
  dataset: Dataset;
  current: DatasetTab;
  state?: TableState;
}) {
  const { ctx, dataset, current, state } = props;
  const carried = filtersQuery(state);
  return (
    <nav class="dg-tabs fr-mb-4w" aria-label={ctx.t('dataset.tabs')}>
      <ul>
        {DATASET_TABS.filter((tab) => tab !== 'map' || hasMap(dataset)).map((tab) => (
          <li>
            <a
              href={`${datasetUrl(dataset.id, tab)}${tab === 'information' ? '' : carried}`}
              aria-current={tab === current ? 'page' : undefined}
            >
              {ctx.t(`tab.${tab}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
