// /backoffice/datasets/: the datasets the visitor may manage, with their state, records, last
// update and owner; a search and a state filter (a GET form), and pages of links.

import type { DatasetList, StateFilter } from '../datasets/index.ts';
import { STATE_FILTERS } from '../datasets/index.ts';
import { formatDate } from '../web/components/dates.ts';
import { Pagination } from '../web/components/pagination.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeNotice } from './back-office-notice.tsx';
import { BackOfficeMenu, DATASETS_PATH } from './backoffice-menu.tsx';
import { NEW_DATASET_PATH } from './datasets/new-dataset-page.tsx';
import { StateBadges } from './dataset-badges.tsx';
import { datasetPath } from './dataset-tabs.tsx';

export interface DatasetsListState {
  q: string;
  state: StateFilter | null;
  /** The state asked for was unknown (the list then shows every state). */
  stateProblem: boolean;
  list: DatasetList;
  notice: string | null;
}

export function listHref(q: string, state: StateFilter | null, page: number): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (state !== null) params.set('state', state);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? DATASETS_PATH : `${DATASETS_PATH}?${query}`;
}

function Filters({ ctx, state }: { ctx: PageContext; state: DatasetsListState }) {
  const { t } = ctx;
  return (
    <form method="get" action={DATASETS_PATH} class="fr-mb-4w" role="search">
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-input-group">
            <label class="fr-label" for="datasets-q">
              {t('bo.datasets.search')}
            </label>
            <input class="fr-input" type="search" id="datasets-q" name="q" value={state.q} />
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class={`fr-select-group${state.stateProblem ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="datasets-state">
              {t('bo.datasets.state')}
            </label>
            <select
              class={`fr-select${state.stateProblem ? ' fr-select--error' : ''}`}
              id="datasets-state"
              name="state"
              aria-describedby={state.stateProblem ? 'datasets-state-error' : undefined}
              aria-invalid={state.stateProblem ? true : undefined}
            >
              <option value="" selected={state.state === null}>
                {t('bo.datasets.state.any')}
              </option>
              {STATE_FILTERS.map((filter) => (
                <option value={filter} selected={state.state === filter}>
                  {t(`bo.state.${filter}`)}
                </option>
              ))}
            </select>
            {state.stateProblem ? (
              <p class="fr-error-text" id="datasets-state-error">
                {t('bo.datasets.problem.state')}
              </p>
            ) : null}
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-2">
          <button class="fr-btn" type="submit">
            {t('bo.datasets.filter')}
          </button>
        </div>
      </div>
    </form>
  );
}

function DatasetsTable({ ctx, list }: { ctx: PageContext; list: DatasetList }) {
  const { t } = ctx;
  if (list.rows.length === 0) return <p id="datasets-none">{t('bo.datasets.none')}</p>;
  return (
    <ScrollTable id="datasets" caption={t('bo.datasets.caption')}>
      <thead>
        <tr>
          {(['title', 'state', 'records', 'updated', 'owner'] as const).map((column) => (
            <th scope="col">{t(`bo.datasets.col.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {list.rows.map((row) => (
          <tr id={`dataset-row-${row.dataset.id}`}>
            <th scope="row">
              <a href={datasetPath(row.dataset.id)}>{row.dataset.metas.title}</a>
              <br />
              <code class="fr-text--xs">{row.dataset.id}</code>
            </th>
            <td>
              <StateBadges
                ctx={ctx}
                publication={row.publication}
                importFailed={row.importFailed}
              />
            </td>
            <td>{ctx.number(row.recordsCount)}</td>
            <td>{formatDate(ctx.lang, row.updatedAt, true)}</td>
            <td>{row.ownerName ?? t('bo.datasets.noOwner')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function DatasetsListPage({ ctx, state }: { ctx: PageContext; state: DatasetsListState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('bo.datasets.title')} crumbs={[{ label: t('bo.datasets.title') }]}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{t('bo.datasets.title')}</h1>
        <p>
          <a class="fr-btn fr-btn--icon-left fr-icon-add-line" href={NEW_DATASET_PATH}>
            {t('imp.new.title')}
          </a>
        </p>
        <p>{t('bo.datasets.intro')}</p>
        {state.notice ? <BackOfficeNotice text={state.notice} /> : null}
        <Filters ctx={ctx} state={state} />
        <p id="datasets-count">{ctx.count('bo.datasets.count', state.list.total)}</p>
        <DatasetsTable ctx={ctx} list={state.list} />
        <Pagination
          ctx={ctx}
          page={state.list.page}
          pages={state.list.pages}
          href={(page) => listHref(state.q, state.state, page)}
        />
      </div>
    </Layout>
  );
}
